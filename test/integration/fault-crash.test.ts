/**
 * Crash safety of the real server program: while it takes a stream of staff writes (session
 * titles from three writers, announcements from a fourth), it is killed with SIGKILL at a random
 * moment. Started again on the same data directory, it must still hold every write it
 * acknowledged — in the schedule and in the journal — at a revision no lower than the last one it
 * acknowledged. Three rounds on the same directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Schedule } from '../../shared/model.ts';
import type { JournalEntry } from '../../shared/protocol.ts';
import { login, request, startServerProcess, type ServerProcess } from './fault-server.ts';

const ROUNDS = 3;
const SESSION_WRITERS = 3;
/** Acknowledged writes to wait for before the kill is armed, so every round has something to lose. */
const MIN_ACKS = 8;

const dataDir = mkdtempSync(join(tmpdir(), 'signage-fault-crash-'));
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Acked {
  /** Per session: the highest title number the server acknowledged. */
  titles: Map<string, number>;
  announcements: Set<string>;
  revisions: number[];
}

function title(round: number, writer: number, n: number): string {
  return `Crash round ${round} writer ${writer} #${n}`;
}

/** A writer that sends one write after another until the server stops answering. */
async function writeUntilDown(
  write: (n: number) => Promise<{ status: number; body: any }>,
  onAck: (n: number, body: any) => void,
) {
  for (let n = 1; ; n++) {
    let response;
    try {
      response = await write(n);
    } catch {
      return; // the server is gone: this write was not acknowledged
    }
    if (response.status >= 300)
      throw new Error(`write ${n} refused: ${response.status} ${JSON.stringify(response.body)}`);
    onAck(n, response.body);
  }
}

async function journal(url: string, cookie: string): Promise<JournalEntry[]> {
  const entries: JournalEntry[] = [];
  for (let since = 0; ;) {
    const { body } = await request<{ changes: JournalEntry[] }>(
      url,
      'GET',
      `/api/changes?since=${since}`,
      undefined,
      cookie,
    );
    if (body.changes.length === 0) return entries;
    entries.push(...body.changes);
    since = body.changes.at(-1)!.revision;
  }
}

/** Streams writes into the running server until it is killed (at a random moment after MIN_ACKS). */
async function crashRound(
  running: ServerProcess,
  cookie: string,
  round: number,
  sessionIds: string[],
  acked: Acked,
): Promise<string> {
  const { url } = running;
  let ackCount = 0;
  let armed: () => void = () => {};
  const enoughAcks = new Promise<void>((resolve) => (armed = resolve));
  const ack = (revision: number) => {
    acked.revisions.push(revision);
    if (++ackCount === MIN_ACKS) armed();
  };

  const writers = [
    ...sessionIds.map((id, w) =>
      writeUntilDown(
        (n) => request(url, 'PATCH', `/api/sessions/${id}`, { title: title(round, w, n) }, cookie),
        (n, body) => {
          acked.titles.set(id, n);
          ack(body.revision);
        },
      ),
    ),
    writeUntilDown(
      (n) => request(url, 'POST', '/api/announcements', { text: `Crash round ${round} announcement #${n}` }, cookie),
      (_n, body) => {
        acked.announcements.add(body.announcement.id);
        ack(body.revision);
      },
    ),
  ];
  await enoughAcks;
  const delay = Math.floor(Math.random() * 250);
  await new Promise((resolve) => setTimeout(resolve, delay));
  await running.kill();
  await Promise.all(writers);
  return `round ${round}: killed ${delay} ms after ${MIN_ACKS} acknowledgements, ${ackCount} acknowledged in all`;
}

describe('a server killed in the middle of writes', () => {
  // Each server process after a crash both checks the round before and takes the next round's
  // writes: one start per round, plus the first (a tsx start of main.ts is a second of CPU).
  it(`keeps every acknowledged write (${ROUNDS} rounds of SIGKILL and restart)`, async () => {
    server = await startServerProcess({ dataDir });
    let cookie = await login(server.url);
    const first = (await request<Schedule>(server.url, 'GET', '/api/schedule')).body;
    const sessionIds = first.sessions.slice(0, SESSION_WRITERS).map((s) => s.id);

    // For each session, the titles of this round start again at #1: keep the round with the number.
    for (let round = 1; round <= ROUNDS; round++) {
      const acked: Acked = { titles: new Map(), announcements: new Set(), revisions: [] };
      const story = await crashRound(server, cookie, round, sessionIds, acked);

      server = await startServerProcess({ dataDir });
      cookie = await login(server.url);
      const schedule = (await request<Schedule>(server.url, 'GET', '/api/schedule')).body;
      const lastAcked = Math.max(...acked.revisions);
      expect(schedule.revision, story).toBeGreaterThanOrEqual(lastAcked);

      for (const [w, id] of sessionIds.entries()) {
        const ackedNumber = acked.titles.get(id);
        if (ackedNumber === undefined) continue;
        const stored = schedule.sessions.find((s) => s.id === id)!.title;
        const match = new RegExp(`^Crash round ${round} writer ${w} #(\\d+)$`).exec(stored);
        expect(match, `${story}: ${id} has "${stored}"`).not.toBeNull();
        // The acknowledged title, or the one after it that was committed but not yet answered.
        expect([ackedNumber, ackedNumber + 1], story).toContain(Number(match![1]));
      }
      const announcementIds = new Set(schedule.announcements.map((a) => a.id));
      for (const id of acked.announcements) expect(announcementIds.has(id), `${story}: announcement ${id}`).toBe(true);

      const journalRevisions = new Set((await journal(server.url, cookie)).map((entry) => entry.revision));
      for (const revision of acked.revisions)
        expect(journalRevisions.has(revision), `${story}: journal entry ${revision}`).toBe(true);
      expect(Math.max(...journalRevisions), story).toBe(schedule.revision);

      // And it carries on from there (and this same process takes the next round's writes).
      const next = await request(server.url, 'POST', '/api/announcements', { text: `After round ${round}` }, cookie);
      expect(next.status).toBe(201);
      expect(next.body.revision).toBe(schedule.revision + 1);
    }
    expect(await server.stop()).toBe(0);
  }, 120_000);
});
