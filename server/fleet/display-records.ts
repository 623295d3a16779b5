/**
 * The display fleet on disk: one row per screen that has a stable id (the `displays` table of
 * migration 2). Only what must survive a restart is kept — assignment, name, token hash and the
 * last report — never whether a screen is connected right now.
 */
import type { Database } from 'better-sqlite3';
import type { DisplayScreen, DisplayView } from '../../shared/protocol.ts';
import { isLanguage, type Language } from '../../shared/languages.ts';
import { clampSeconds } from '../../shared/language-rotation.ts';
import { inTransaction, type PostgresPool } from '../platform/postgres/database.ts';

export interface DisplayRecord {
  id: string;
  name: string;
  view: DisplayView;
  venueId?: string | undefined;
  /** Hex SHA-256 of the display's token; undefined until a display presents one. */
  tokenHash?: string | undefined;
  /** Staff chose the assignment (pairing or reassign): it wins over the page's URL. */
  managed: boolean;
  /** Staff renamed, assigned or paired it: the fleet cap never evicts it. */
  touched?: boolean | undefined;
  /** Epoch ms (real time) the display was last heard from. */
  lastSeen: number;
  revision: number;
  userAgent?: string | undefined;
  screen?: DisplayScreen | undefined;
  clockSkewMs?: number | undefined;
  directions?: Record<string, string> | undefined;
  language?: Language | undefined;
  /** The language that alternates with `language` on a bilingual screen. */
  secondLanguage?: Language | undefined;
  rotationSeconds?: number | undefined;
}

export interface DisplayRecordStore {
  /**
   * Every stored record. Synchronous: a networked store reads them when it is opened, since the
   * fleet is loaded once, at start, before any screen connects.
   */
  load(): DisplayRecord[];
  /**
   * Inserts or replaces these records, all or none (one transaction); settles once they are
   * durable and rejects when they were not. Writes reach the database in the order they were
   * called, so an older routine write never lands over a staff change made after it.
   */
  save(records: DisplayRecord[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
}

export interface DisplayRow {
  id: string;
  name: string;
  view: DisplayView;
  venue_id: string | null;
  token_hash: string | null;
  managed: number;
  staff_touched: number;
  last_seen: string;
  revision: number;
  user_agent: string | null;
  screen_width: number | null;
  screen_height: number | null;
  orientation: string | null;
  clock_skew_ms: number | null;
  /** JSON object venue id → text; NULL when staff set none. */
  directions: string | null;
  /** One of LANGUAGES; NULL when staff chose none (the screen shows English or its URL's ?lang=). */
  language: string | null;
  /** The second language of a bilingual screen (migration 14); NULL for one language. */
  rotation_language: string | null;
  rotation_seconds: number | null;
}

export function recordFromRow(row: DisplayRow): DisplayRecord {
  const lastSeen = Date.parse(row.last_seen);
  return {
    id: row.id,
    name: row.name,
    view: row.view,
    venueId: row.venue_id ?? undefined,
    tokenHash: row.token_hash ?? undefined,
    managed: row.managed === 1,
    touched: row.staff_touched === 1,
    lastSeen: Number.isNaN(lastSeen) ? 0 : lastSeen,
    revision: row.revision,
    userAgent: row.user_agent ?? undefined,
    screen:
      row.screen_width !== null && row.screen_height !== null
        ? {
            width: row.screen_width,
            height: row.screen_height,
            orientation: row.orientation === 'portrait' ? 'portrait' : 'landscape',
          }
        : undefined,
    clockSkewMs: row.clock_skew_ms ?? undefined,
    directions: parseDirections(row.directions),
    language: isLanguage(row.language) ? row.language : undefined,
    // A second language is only meaningful beside a first one.
    secondLanguage: isLanguage(row.language) && isLanguage(row.rotation_language) ? row.rotation_language : undefined,
    rotationSeconds: row.rotation_seconds === null ? undefined : clampSeconds(row.rotation_seconds),
  };
}

export function rowFromRecord(record: DisplayRecord): DisplayRow {
  return {
    id: record.id,
    name: record.name,
    view: record.view,
    venue_id: record.venueId ?? null,
    token_hash: record.tokenHash ?? null,
    managed: record.managed ? 1 : 0,
    staff_touched: record.touched ? 1 : 0,
    last_seen: new Date(record.lastSeen).toISOString(),
    revision: record.revision,
    user_agent: record.userAgent ?? null,
    screen_width: record.screen?.width ?? null,
    screen_height: record.screen?.height ?? null,
    orientation: record.screen?.orientation ?? null,
    clock_skew_ms: record.clockSkewMs === undefined ? null : Math.round(record.clockSkewMs),
    directions: record.directions && Object.keys(record.directions).length ? JSON.stringify(record.directions) : null,
    language: record.language ?? null,
    rotation_language: record.secondLanguage ?? null,
    rotation_seconds: record.rotationSeconds ?? null,
  };
}

/** A damaged value loses only the directions, never the screen's record. */
function parseDirections(text: string | null): Record<string, string> | undefined {
  if (text === null) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    return Object.fromEntries(
      Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  } catch {
    return undefined;
  }
}

/** The fleet table of an open, migrated database. Writes after the database closed are dropped. */
export function openDisplayRecords(db: Database): DisplayRecordStore {
  const upsert = db.prepare<DisplayRow>(
    `INSERT OR REPLACE INTO displays
       (id, name, view, venue_id, token_hash, managed, staff_touched, last_seen, revision, user_agent,
        screen_width, screen_height, orientation, clock_skew_ms, directions, language,
        rotation_language, rotation_seconds)
     VALUES (@id, @name, @view, @venue_id, @token_hash, @managed, @staff_touched, @last_seen, @revision, @user_agent,
        @screen_width, @screen_height, @orientation, @clock_skew_ms, @directions, @language,
        @rotation_language, @rotation_seconds)`,
  );
  const remove = db.prepare<[string]>('DELETE FROM displays WHERE id = ?');
  const saveAll = db.transaction((records: DisplayRecord[]) => {
    for (const record of records) upsert.run(rowFromRecord(record));
  });
  const removeAll = db.transaction((ids: string[]) => {
    for (const id of ids) remove.run(id);
  });

  return {
    load: () => (db.prepare('SELECT * FROM displays ORDER BY last_seen').all() as DisplayRow[]).map(recordFromRow),
    async save(records) {
      if (db.open && records.length > 0) saveAll(records);
    },
    async remove(ids) {
      if (db.open && ids.length > 0) removeAll(ids);
    },
  };
}

const DISPLAY_COLUMNS: (keyof DisplayRow)[] = [
  'id',
  'name',
  'view',
  'venue_id',
  'token_hash',
  'managed',
  'staff_touched',
  'last_seen',
  'revision',
  'user_agent',
  'screen_width',
  'screen_height',
  'orientation',
  'clock_skew_ms',
  'directions',
  'language',
  'rotation_language',
  'rotation_seconds',
];

const ROWS_PER_STATEMENT = 1_000;

/**
 * The fleet in PostgreSQL, shared by every node (a screen may reconnect to any of them). The
 * records are read once here, when the node starts. Writes go out one after another on the
 * pool: a pool runs queries on several connections at once, and a routine flush racing a staff
 * change for the same row could otherwise commit last with the older copy. drain() waits for the
 * writes in flight, so the composition root can end the pool without losing the last flush.
 */
export async function openPostgresDisplayRecords(
  pool: PostgresPool,
): Promise<DisplayRecordStore & { drain(): Promise<void> }> {
  const loaded = (await pool.query<DisplayRow>('SELECT * FROM displays ORDER BY last_seen')).rows.map(recordFromRow);
  let last: Promise<void> = Promise.resolve();
  const inOrder = (write: () => Promise<void>): Promise<void> => {
    const result = last.then(write);
    // The next write waits for this one to settle, whether it succeeded or not.
    last = result.catch(() => undefined);
    return result;
  };
  const updates = DISPLAY_COLUMNS.slice(1)
    .map((column) => `${column} = excluded.${column}`)
    .join(', ');
  // One statement per write (one round trip, atomic by itself): a chunk of a routine flush then
  // holds a staff change queued behind it for a millisecond or two, not for 200 round trips.
  const upsert = (pool: Pick<PostgresPool, 'query'>, rows: DisplayRow[]) => {
    const values = rows.map(
      (_, r) => `(${DISPLAY_COLUMNS.map((_, c) => `$${r * DISPLAY_COLUMNS.length + c + 1}`).join(', ')})`,
    );
    return pool.query(
      `INSERT INTO displays (${DISPLAY_COLUMNS.join(', ')}) VALUES ${values.join(', ')}
       ON CONFLICT (id) DO UPDATE SET ${updates}`,
      rows.flatMap((row) => DISPLAY_COLUMNS.map((column) => row[column])),
    );
  };
  return {
    load: () => loaded,
    save: (records) => {
      // ON CONFLICT may touch a row once per statement: the last copy of an id is the one kept.
      const rows = [...new Map(records.map((record) => [record.id, rowFromRecord(record)])).values()];
      if (rows.length === 0) return Promise.resolve();
      // One statement is a transaction by itself (every staff change and routine chunk fits in one).
      if (rows.length <= ROWS_PER_STATEMENT) return inOrder(() => upsert(pool, rows).then(() => undefined));
      // A flush on close may carry the whole fleet: PostgreSQL takes at most 65,535 parameters per
      // statement, so it takes several, in one transaction (all or none, as the interface says).
      return inOrder(() =>
        inTransaction(pool, async (client) => {
          for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT)
            await upsert(client, rows.slice(start, start + ROWS_PER_STATEMENT));
        }),
      );
    },
    remove: (ids) =>
      ids.length === 0
        ? Promise.resolve()
        : inOrder(() => pool.query('DELETE FROM displays WHERE id = ANY($1)', [ids]).then(() => undefined)),
    drain: () => last,
  };
}
