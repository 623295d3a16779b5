/**
 * The shared store of a cluster: the same logical schema as sqlite-store.ts in PostgreSQL, so any
 * number of nodes work on one schedule. A commit's first statement takes the next revision
 * (UPDATE meta … RETURNING), which locks the meta row until COMMIT: writers on other nodes queue
 * there, and with commitLocked each decides its change only once it holds the lock, on the
 * revision the one before left, so two nodes never write the same revision and none has to try
 * again. Each commit NOTIFYs its revision; watch() LISTENs on a dedicated connection.
 */
import type { Schedule } from '../../../shared/model.ts';
import type { Delta, DeltaOp } from '../../../shared/protocol.ts';
import { inTransaction, type PostgresClient, type PostgresPool } from '../../platform/postgres/database.ts';
import { dedicatedConnection } from '../../platform/postgres/dedicated-connection.ts';
import { openPostgresEmergencyTemplates } from './emergency-templates.ts';
import { openPostgresIdempotencyKeys } from './idempotency-keys.ts';
import { openPostgresFeedRecords } from '../../interchange/feeds/feed-records.ts';
import { emergencyRow, entryFromRow, scheduleFromRows, type JournalRow, type ScheduleRows } from './rows.ts';
import { newScheduleId } from './schedule-id.ts';
import { RevisionTakenError, type ScheduleStore, type StoredChange } from './store-interface.ts';

/** The NOTIFY channel; its payload is the committed revision. */
export const CHANGES_CHANNEL = 'signage_changes';
/** How soon a lost LISTEN connection is tried again (the service's gap fill covers the meantime). */
const LISTEN_RETRY_MS = 1_000;

async function writeOp(client: PostgresClient, op: DeltaOp): Promise<void> {
  switch (op.type) {
    case 'session':
      await client.query(
        'INSERT INTO sessions (id, doc) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc',
        [op.session.id, JSON.stringify(op.session)],
      );
      return;
    case 'session-removed':
      await client.query('DELETE FROM sessions WHERE id = $1', [op.id]);
      return;
    case 'venue': {
      const { id, name, kind, building, floor, directions } = op.venue;
      await client.query(
        `INSERT INTO venues (id, name, kind, building, floor, directions) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
           building = excluded.building, floor = excluded.floor, directions = excluded.directions`,
        [id, name, kind, building ?? null, floor ?? null, directions ?? null],
      );
      return;
    }
    case 'announcement':
      await client.query(
        'INSERT INTO announcements (id, doc) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc',
        [op.announcement.id, JSON.stringify(op.announcement)],
      );
      return;
    case 'announcement-removed':
      await client.query('DELETE FROM announcements WHERE id = $1', [op.id]);
      return;
    case 'emergency':
      if (op.emergency) {
        await client.query(
          `INSERT INTO emergency (id, text, since, translations) VALUES (1, $1, $2, $3)
           ON CONFLICT (id) DO UPDATE SET text = excluded.text, since = excluded.since, translations = excluded.translations`,
          emergencyRow(op.emergency),
        );
      } else await client.query('DELETE FROM emergency');
      return;
    case 'conference':
      await client.query('UPDATE meta SET conference = $1 WHERE id = 1', [
        op.conference ? JSON.stringify(op.conference) : null,
      ]);
      return;
    case 'settings':
      await client.query('UPDATE meta SET settings = $1 WHERE id = 1', [JSON.stringify(op.settings)]);
      return;
  }
}

/**
 * The transaction's first statement takes the next revision: it locks the meta row until COMMIT
 * (a writer on another node waits here, then takes the revision after this one's) and returns
 * the revision stored before. A transaction that then writes nothing rolls back, and with it the
 * revision it took.
 */
async function takeRevision(client: PostgresClient): Promise<number> {
  const row = (
    await client.query<{ revision: number }>('UPDATE meta SET revision = revision + 1 WHERE id = 1 RETURNING revision')
  ).rows[0];
  if (!row) throw new Error('the database holds no schedule yet');
  return row.revision - 1;
}

/** Thrown to roll back a commitLocked whose decision was to change nothing. */
const NOTHING_TO_COMMIT = Symbol('nothing to commit');

type PostgresIdempotencyKeys = ReturnType<typeof openPostgresIdempotencyKeys>;

/** Writes one change on top of `stored`, whose next revision the transaction took; its idempotency claim with it. */
async function writeChange(
  client: PostgresClient,
  { delta, entry, inverse, idempotency: claim }: StoredChange,
  stored: number,
  idempotency: PostgresIdempotencyKeys,
): Promise<void> {
  if (delta.revision !== stored + 1 || entry.revision !== delta.revision) {
    throw new RevisionTakenError(delta.revision, stored);
  }
  for (const op of delta.ops) await writeOp(client, op);
  await client.query(
    `INSERT INTO journal (revision, at, actor, actor_name, operation, summary, params, session_id, delta, inverse, undoes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      entry.revision,
      entry.at,
      entry.actor,
      entry.actorName ?? null,
      entry.operation,
      entry.summary,
      entry.params === undefined ? null : JSON.stringify(entry.params),
      entry.sessionId ?? null,
      JSON.stringify(delta),
      JSON.stringify(inverse),
      entry.undoes ?? null,
    ],
  );
  if (entry.undoes !== undefined) {
    const marked = await client.query('UPDATE journal SET undone_by = $1 WHERE revision = $2 AND undone_by IS NULL', [
      entry.revision,
      entry.undoes,
    ]);
    if (marked.rowCount !== 1) throw new Error(`revision ${entry.undoes} cannot be marked as undone`);
  }
  if (claim) await idempotency.claim(client, claim, delta.revision);
  // Delivered to every listener when (and only if) the transaction commits.
  await client.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, String(delta.revision)]);
}

async function readRows(client: PostgresClient): Promise<ScheduleRows | null> {
  const meta = (
    await client.query('SELECT revision, timezone, schedule_id, conference, settings FROM meta WHERE id = 1')
  ).rows[0] as ScheduleRows['meta'] | undefined;
  if (!meta) return null;
  const all = async <T>(sql: string) => (await client.query(sql)).rows as T[];
  return {
    meta,
    venues: await all('SELECT id, name, kind, building, floor, directions FROM venues ORDER BY seq'),
    sessions: await all('SELECT id, doc FROM sessions ORDER BY seq'),
    announcements: await all('SELECT id, doc FROM announcements ORDER BY seq'),
    emergency: (
      await all<NonNullable<ScheduleRows['emergency']>>('SELECT text, since, translations FROM emergency WHERE id = 1')
    )[0],
  };
}

export function openPostgresStore(pool: PostgresPool, url: string): ScheduleStore {
  const idempotency = openPostgresIdempotencyKeys(pool);
  return {
    async load(): Promise<Schedule | null> {
      // One snapshot for every table: a commit between two reads must not tear the schedule.
      const rows = await inTransaction(pool, readRows, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      return rows && scheduleFromRows(rows);
    },

    async seed(schedule) {
      await inTransaction(pool, async (client) => {
        const inserted = await client.query(
          `INSERT INTO meta (id, revision, timezone, schedule_id, conference) VALUES (1, $1, $2, $3, $4)
           ON CONFLICT (id) DO NOTHING`,
          [
            schedule.revision,
            schedule.timezone,
            schedule.scheduleId ?? newScheduleId(),
            schedule.conference ? JSON.stringify(schedule.conference) : null,
          ],
        );
        // Another node seeded first (both found the database empty): keep its schedule.
        if (inserted.rowCount !== 1) throw new Error('the store already holds a schedule');
        for (const venue of schedule.venues) await writeOp(client, { type: 'venue', venue });
        for (const session of schedule.sessions) await writeOp(client, { type: 'session', session });
        for (const announcement of schedule.announcements)
          await writeOp(client, { type: 'announcement', announcement });
        await writeOp(client, { type: 'emergency', emergency: schedule.emergency });
        if (schedule.settings) await writeOp(client, { type: 'settings', settings: schedule.settings });
      });
    },

    async commit(change) {
      await inTransaction(pool, async (client) => writeChange(client, change, await takeRevision(client), idempotency));
    },

    async commitLocked(decide) {
      try {
        return await inTransaction(pool, async (client) => {
          const stored = await takeRevision(client);
          const change = await decide(stored);
          if (!change) throw NOTHING_TO_COMMIT;
          await writeChange(client, change, stored, idempotency);
          return change;
        });
      } catch (error) {
        if (error === NOTHING_TO_COMMIT) return null;
        throw error;
      }
    },

    async entry(revision) {
      const row = (await pool.query<JournalRow>('SELECT * FROM journal WHERE revision = $1', [revision])).rows[0];
      return row && entryFromRow(row);
    },
    async journalSince(revision, limit) {
      const { rows } = await pool.query<JournalRow>(
        'SELECT * FROM journal WHERE revision > $1 ORDER BY revision LIMIT $2',
        [revision, limit ?? null],
      );
      return rows.map(entryFromRow);
    },
    async deltasSince(revision, limit) {
      const { rows } = await pool.query<{ delta: string }>(
        'SELECT delta FROM journal WHERE revision > $1 ORDER BY revision LIMIT $2',
        [revision, limit],
      );
      return rows.map((row) => JSON.parse(row.delta) as Delta);
    },

    emergencyTemplates: openPostgresEmergencyTemplates(pool),
    idempotency,
    feeds: openPostgresFeedRecords(pool),

    watch(onCommitted, onReconnected) {
      let first = true;
      const connection = dedicatedConnection({
        url,
        retryMs: LISTEN_RETRY_MS,
        async onConnected(client) {
          client.on('notification', (message) => {
            const revision = Number(message.payload);
            if (message.channel === CHANGES_CHANNEL && Number.isInteger(revision)) onCommitted(revision);
          });
          await client.query(`LISTEN ${CHANGES_CHANNEL}`);
          // Whatever was committed while no one listened is read from the journal now.
          if (!first) onReconnected();
          first = false;
        },
        onLost: () => undefined,
      });
      return () => void connection.close();
    },

    // The pool belongs to the composition root, which ends it after every store sharing it is done.
    async close() {},
  };
}
