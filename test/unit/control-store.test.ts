/** The panel's live copy: deltas, gaps, stale snapshots, journal merging and the venue clock. */
import { describe, expect, it } from 'vitest';
import type { Schedule, Session } from '../../shared/model.ts';
import type { DisplayStatus, JournalEntry } from '../../shared/protocol.ts';
import { fleetSummary, offlineFor } from '../../control/data/fleet.ts';
import { ControlStore } from '../../control/data/store.ts';
import { clockFromSnapshot } from '../../shared/clock.ts';

const session: Session = {
  id: 's1',
  kind: 'side-event',
  title: 'Opening',
  start: '2024-10-14T13:00:00+02:00',
  end: '2024-10-14T13:50:00+02:00',
  venueId: 'CR3',
  organizers: { lead: 'UNODC', partners: [] },
  status: 'scheduled',
  planned: { start: '2024-10-14T13:00:00+02:00', end: '2024-10-14T13:50:00+02:00', venueId: 'CR3' },
  version: 1,
};

function schedule(revision: number, sessions: Session[] = [session], scheduleId = 'panel-test'): Schedule {
  return { revision, scheduleId, timezone: 'Europe/Vienna', venues: [], sessions, announcements: [], emergency: null };
}

function entry(revision: number, extra: Partial<JournalEntry> = {}): JournalEntry {
  return {
    revision,
    at: '2024-10-14T12:56:00+02:00',
    actor: 'Ana',
    operation: 'session.update',
    summary: `change ${revision}`,
    ...extra,
  };
}

describe('ControlStore', () => {
  it('applies the next delta and reports a gap instead of applying a later one', () => {
    const store = new ControlStore();
    store.setSchedule(schedule(4));
    expect(
      store.applyDelta({
        revision: 5,
        ops: [{ type: 'session', session: { ...session, title: 'Renamed', version: 2 } }],
      }),
    ).toBe(true);
    expect(store.session('s1')?.title).toBe('Renamed');
    expect(store.applyDelta({ revision: 7, ops: [{ type: 'session-removed', id: 's1' }] })).toBe(false);
    expect(store.session('s1')).toBeDefined();
    expect(store.revision).toBe(5);
  });

  it('ignores a replayed delta it already holds, so the copy never rolls back', () => {
    const store = new ControlStore();
    store.setSchedule(schedule(4));
    store.applyDelta({
      revision: 5,
      ops: [{ type: 'session', session: { ...session, title: 'Renamed', version: 2 } }],
    });
    expect(store.applyDelta({ revision: 4, ops: [{ type: 'session', session }] })).toBe(true);
    expect(store.session('s1')?.title).toBe('Renamed');
    expect(store.revision).toBe(5);
  });

  it('ignores a snapshot older than what it holds', () => {
    const store = new ControlStore();
    store.setSchedule(schedule(6, []));
    store.setSchedule(schedule(5));
    expect(store.revision).toBe(6);
    expect(store.schedule?.sessions).toEqual([]);
  });

  it('takes a snapshot of another schedule even at a lower revision (the server was wiped)', () => {
    const store = new ControlStore();
    store.setSchedule(schedule(12, [], 'before-wipe'));
    store.setSchedule(schedule(0, [session], 'after-wipe'));
    expect(store.schedule).toMatchObject({ revision: 0, scheduleId: 'after-wipe' });
    // Its deltas apply from there, instead of being ignored as replays of revision 12.
    expect(store.applyDelta({ revision: 1, ops: [{ type: 'session-removed', id: 's1' }] })).toBe(true);
    expect(store.schedule?.sessions).toEqual([]);
  });

  it('resolves revision waiters once the revision arrives, in whichever way', async () => {
    const store = new ControlStore();
    store.setSchedule(schedule(1));
    const waited = store.waitForRevision(2);
    let done = false;
    void waited.then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    store.applyDelta({ revision: 2, ops: [] });
    await waited;
    expect(done).toBe(true);
    await store.waitForRevision(1);
  });

  it('merges journal pages without duplicates and marks an entry undone when its undo arrives', () => {
    const store = new ControlStore();
    store.setJournal([entry(2), entry(1)]);
    store.setJournal([entry(2), entry(3)]);
    expect(store.journal.map((e) => e.revision)).toEqual([1, 2, 3]);
    store.addJournalEntry(entry(4, { operation: 'undo', undoes: 2 }));
    expect(store.journal.find((e) => e.revision === 2)?.undoneBy).toBe(4);
    expect(store.journal.map((e) => e.revision)).toEqual([1, 2, 3, 4]);
  });

  it('announces every change to listeners', () => {
    const store = new ControlStore();
    let changes = 0;
    store.addEventListener('change', () => changes++);
    store.setSchedule(schedule(1));
    store.setDisplays([]);
    store.addJournalEntry(entry(1));
    expect(changes).toBe(3);
  });
});

describe('venue clock', () => {
  it('follows the store clock through the measured offset', () => {
    const store = new ControlStore();
    const realNow = Date.now();
    store.setClock({ simulated: true, speed: 0, anchorReal: realNow, anchorClock: 42 }, 123);
    expect(store.now()).toBe(42);
    store.setClock(clockFromSnapshot(1000, 1, true, realNow - 500), 0);
    expect(store.now()).toBeGreaterThanOrEqual(1500);
  });
});

describe('fleet summaries', () => {
  const display = (id: string, connected: boolean, revision: number): DisplayStatus => ({
    id,
    name: id,
    view: 'room',
    venueId: 'CR3',
    connected,
    lastSeen: '2024-10-14T10:55:00Z',
    revision,
  });

  it('counts connected screens behind the revision and offline ones', () => {
    expect(fleetSummary([display('a', true, 5), display('b', true, 5)], 5)).toBe('');
    expect(fleetSummary([display('a', true, 4), display('b', false, 5), display('c', false, 1)], 5)).toBe(
      '1 behind, 2 offline',
    );
  });

  it('says how long a screen has been silent', () => {
    expect(offlineFor(30_000)).toBe('less than a minute');
    expect(offlineFor(-5)).toBe('less than a minute');
    expect(offlineFor(5 * 60_000 + 10)).toBe('5 min');
    expect(offlineFor(65 * 60_000)).toBe('1 h 5 min');
  });
});
