/**
 * The fleet's write-behind: only changed records are written, routine reports wait for the next
 * flush and go out in small transactions, a staff change is written alone and at once, and closing
 * writes everything still pending.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DisplayRecord, DisplayRecordStore } from '../../server/fleet/display-records.ts';
import { FleetWriter } from '../../server/fleet/fleet-writer.ts';

function record(id: string, lastSeen = 1): DisplayRecord {
  return { id, name: id, view: 'lobby', managed: false, lastSeen, revision: 0 };
}

function setup(records: Map<string, DisplayRecord>, chunkRows = 2) {
  const saved: string[][] = [];
  const removed: string[][] = [];
  const store: DisplayRecordStore = {
    load: () => [],
    save: async (batch) => void saved.push(batch.map((r) => r.id)),
    remove: async (ids) => void removed.push(ids),
  };
  const writer = new FleetWriter(
    store,
    (id) => records.get(id),
    () => undefined,
    20_000,
    chunkRows,
  );
  return { writer, saved, removed };
}

afterEach(() => vi.useRealTimers());

describe('FleetWriter', () => {
  it('writes only the records changed since the last flush, in chunks, after the routine interval', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate'] });
    const records = new Map(['a', 'b', 'c', 'd', 'e'].map((id) => [id, record(id)]));
    const { writer, saved } = setup(records);
    for (const id of ['a', 'b', 'c', 'a', 'e']) writer.later(id);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(19_999);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await vi.runAllTimersAsync(); // the later chunks, each after a turn of the event loop
    expect(saved).toEqual([
      ['a', 'b'],
      ['c', 'e'],
    ]);

    writer.later('d');
    await vi.runAllTimersAsync();
    expect(saved.at(-1)).toEqual(['d']);
    expect(saved).toHaveLength(3);
  });

  it('writes a staff change alone and at once, and skips records that are no longer kept', async () => {
    const records = new Map([
      ['a', record('a')],
      ['b', record('b')],
    ]);
    const { writer, saved } = setup(records);
    writer.later('a');
    writer.later('gone');
    await writer.now('b');
    expect(saved).toEqual([['b']]);
    writer.flush();
    expect(saved.at(-1)).toEqual(['a']);
  });

  it('a flush on close writes what a chunked flush had not reached yet, and what came in meanwhile', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate'] });
    const records = new Map(['a', 'b', 'c', 'd', 'e'].map((id) => [id, record(id)]));
    const { writer, saved } = setup(records);
    for (const id of ['a', 'b', 'c', 'd']) writer.later(id);
    vi.advanceTimersByTime(20_000); // the first chunk only: the next waits for setImmediate
    expect(saved).toEqual([['a', 'b']]);
    writer.later('e');
    writer.flush();
    expect(saved).toEqual([
      ['a', 'b'],
      ['c', 'd', 'e'],
    ]);
    await vi.runAllTimersAsync();
    expect(saved).toHaveLength(2);
  });

  it('drops a removed record from the pending writes', () => {
    const records = new Map([
      ['a', record('a')],
      ['b', record('b')],
    ]);
    const { writer, saved, removed } = setup(records);
    writer.later('a');
    writer.later('b');
    writer.remove(['a']);
    writer.flush();
    expect(removed).toEqual([['a']]);
    expect(saved).toEqual([['b']]);
  });

  it("hands a staff write's failure to the caller, and only a routine write's to the error log", async () => {
    const logged: unknown[] = [];
    const failing: DisplayRecordStore = {
      load: () => [],
      save: () => Promise.reject(new Error('database is down')),
      remove: () => Promise.reject(new Error('database is down')),
    };
    const writer = new FleetWriter(
      failing,
      (id) => record(id),
      (error) => logged.push(error),
    );
    await expect(writer.now('a')).rejects.toThrow('database is down');
    await expect(writer.removeNow(['a'])).rejects.toThrow('database is down');
    expect(logged).toEqual([]);
    writer.remove(['pruned']);
    writer.later('b');
    writer.flush();
    await vi.waitFor(() => expect(logged).toHaveLength(2));
  });
});
