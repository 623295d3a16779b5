/**
 * A staff action on a screen (pair, rename, forget) settles only once the store has its record,
 * and a write the store refuses is a 503 that leaves the fleet as it was stored: the screen keeps
 * its old name, its pairing code or its record, and is told nothing. (Screens' own reports go
 * out with the routine flush, 20 s later, so the only writes here are staff's.)
 */
import { describe, expect, it } from 'vitest';
import { DisplayRegistry, type FleetCommand } from '../../server/fleet/display-registry.ts';
import type { DisplayRecord, DisplayRecordStore } from '../../server/fleet/display-records.ts';
import { hello } from './screen-hello.ts';
import { UnavailableError } from '../../server/platform/errors.ts';

/** A store whose writes wait until released, and fail while `down`, as a networked database may. */
function slowStore(stored: DisplayRecord[]) {
  const rows = new Map(stored.map((record) => [record.id, record]));
  const pending: Array<() => void> = [];
  const state = { down: false };
  const settle = (apply: () => void) =>
    new Promise<void>((resolve, reject) => {
      pending.push(() => {
        if (state.down) return reject(new Error('connection to the database lost'));
        apply();
        resolve();
      });
    });
  const store: DisplayRecordStore = {
    load: () => [...rows.values()].map((record) => structuredClone(record)),
    save: (records) => settle(() => records.forEach((record) => rows.set(record.id, structuredClone(record)))),
    remove: (ids) => settle(() => ids.forEach((id) => rows.delete(id))),
  };
  return {
    store,
    rows,
    state,
    /** Lets every write made so far reach the "database". */
    release() {
      for (const write of pending.splice(0)) write();
    },
    /** Lets only the oldest write waiting reach it (or fail, while `down`). */
    releaseOldest() {
      pending.shift()?.();
    },
  };
}

/** A door screen and an offline lobby screen, stored before the server started. */
function storedScreen(id: string, view: 'room' | 'lobby'): DisplayRecord {
  const base = { id, name: view === 'room' ? 'CR3 door' : 'Lobby', managed: false, touched: false };
  return { ...base, view, ...(view === 'room' ? { venueId: 'CR3' } : {}), lastSeen: 0, revision: 0 };
}

function setup() {
  const database = slowStore([storedScreen('door', 'room'), storedScreen('gone', 'lobby')]);
  const logged: unknown[] = [];
  const registry = new DisplayRegistry();
  registry.attachStore(database.store, (error) => logged.push(error));
  const sent: Array<[string, FleetCommand]> = [];
  registry.onCommand((id, command) => sent.push([id, command]));
  return { registry, database, logged, sent };
}

/** Whether a promise has settled by the time the microtasks queued so far have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('a staff action on a screen', () => {
  it('is answered only once its record is stored, and the screen hears of it then', async () => {
    const { registry, database, sent } = setup();
    registry.admit(hello('door'));
    const renamed = registry.update('door', { name: 'Main door' });
    expect(await settled(renamed)).toBe(false);
    expect(sent).toEqual([]);
    database.release();
    await expect(renamed).resolves.toMatchObject({ name: 'Main door' });
    expect(database.rows.get('door')).toMatchObject({ name: 'Main door', touched: true });
    expect(sent).toEqual([['door', { event: 'assign', args: [expect.objectContaining({ name: 'Main door' })] }]]);
  });

  it('that the store refuses is a 503 and leaves the screen as it was stored', async () => {
    const { registry, database, logged, sent } = setup();
    registry.admit(hello('door'));
    database.state.down = true;
    const renamed = registry.update('door', { name: 'Main door', language: 'fr' });
    database.release();
    const error = await renamed.catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as UnavailableError).status).toBe(503);
    expect(logged).toEqual([expect.objectContaining({ message: 'connection to the database lost' })]);
    expect(registry.get('door')).toMatchObject({ name: 'CR3 door' });
    expect(registry.get('door')?.language).toBeUndefined();
    expect(database.rows.get('door')).toMatchObject({ name: 'CR3 door', touched: false });
    expect(sent).toEqual([]);
  });

  it('overlapping a failed one on the same screen keeps the later change, in memory and in the store', async () => {
    const { registry, database, sent } = setup();
    registry.admit(hello('door'));
    const renamed = registry.update('door', { name: 'Main door' });
    const translated = registry.update('door', { language: 'fr' });
    database.state.down = true;
    database.releaseOldest();
    database.state.down = false;
    await expect(renamed).rejects.toBeInstanceOf(UnavailableError);
    // The second change is written once the first has settled, from what the first left.
    await new Promise((resolve) => setImmediate(resolve));
    database.release();
    await expect(translated).resolves.toMatchObject({ name: 'CR3 door', language: 'fr' });
    expect(registry.get('door')).toMatchObject({ name: 'CR3 door', language: 'fr' });
    expect(database.rows.get('door')).toMatchObject({ name: 'CR3 door', language: 'fr', touched: true });
    expect(sent).toEqual([['door', { event: 'assign', args: [expect.objectContaining({ name: 'CR3 door' })] }]]);
  });

  it('pairs a waiting screen only when stored; refused, the screen keeps waiting with its code', async () => {
    const { registry, database, sent } = setup();
    const waiting = registry.admit(hello('new', 'unassigned'));
    if (waiting.kind !== 'pairing') throw new Error('expected a pairing code');
    database.state.down = true;
    const refused = registry.pair(waiting.pairing.code, { view: 'lobby' }, 'Lobby');
    database.release();
    await expect(refused).rejects.toBeInstanceOf(UnavailableError);
    expect(registry.get('new')).toBeUndefined();
    expect(database.rows.has('new')).toBe(false);

    database.state.down = false;
    const paired = registry.pair(waiting.pairing.code, { view: 'lobby' }, 'Lobby');
    // Meanwhile the code is taken: nobody else pairs the same screen twice.
    await expect(registry.pair(waiting.pairing.code, { view: 'lobby' }, 'Other')).rejects.toThrow(/pairing code/);
    database.release();
    await expect(paired).resolves.toMatchObject({ id: 'new', view: 'lobby', name: 'Lobby' });
    expect(database.rows.get('new')).toMatchObject({ name: 'Lobby', managed: true });
    expect(sent.map(([, command]) => command.event)).toEqual(['assign']);
  });

  it('forgets a screen once its record is deleted; refused, the screen and its record stay', async () => {
    const { registry, database, sent } = setup();
    registry.admit(hello('door'));

    database.state.down = true;
    const refused = Promise.all([registry.forget('door'), registry.forget('gone')]);
    database.release();
    await expect(refused).rejects.toBeInstanceOf(UnavailableError);
    expect(
      registry
        .list()
        .map((status) => status.id)
        .sort(),
    ).toEqual(['door', 'gone']);
    expect([...database.rows.keys()]).toEqual(['door', 'gone']);
    expect(sent).toEqual([]);
    const refusedBulk = registry.forgetOffline();
    database.release();
    await expect(refusedBulk).rejects.toBeInstanceOf(UnavailableError);
    expect(registry.get('gone')).toBeDefined();

    database.state.down = false;
    const forgotten = registry.forget('door');
    expect(await settled(forgotten)).toBe(false);
    database.release();
    await forgotten;
    expect(database.rows.has('door')).toBe(false);
    expect(sent.map(([, command]) => command.event)).toEqual(['pairing']);
  });
});
