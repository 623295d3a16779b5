/**
 * Reading rows back into the model. Stored documents are validated with the model's schemas so a
 * damaged database fails loudly at start-up instead of serving a broken schedule.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { formatZodError } from '../../../shared/commands.ts';
import {
  AnnouncementSchema,
  SessionSchema,
  VenueSchema,
  ConferenceSchema,
  ScheduleSettingsSchema,
  EmergencySchema,
  type Emergency,
  type Schedule,
} from '../../../shared/model.ts';
import type { Delta, DeltaOp } from '../../../shared/protocol.ts';
import type { StoredJournalEntry } from './store-interface.ts';
import { readJournalParams, type JournalParams } from '../../../shared/journal-params.ts';

export interface JournalRow {
  revision: number;
  at: string;
  actor: string;
  actor_name: string | null;
  operation: string;
  summary: string;
  params: string | null;
  session_id: string | null;
  delta: string;
  inverse: string;
  undone_by: number | null;
  undoes: number | null;
}

/** The rows a schedule is read from, whichever database they come from. */
export interface ScheduleRows {
  meta: {
    revision: number;
    timezone: string;
    schedule_id: string | null;
    conference: string | null;
    settings: string | null;
  };
  venues: Record<string, unknown>[];
  sessions: { id: string; doc: string }[];
  announcements: { id: string; doc: string }[];
  emergency: { text: string; since: string; translations: string | null } | undefined;
}

export function readSchedule(db: Database): Schedule | null {
  const meta = db
    .prepare('SELECT revision, timezone, schedule_id, conference, settings FROM meta WHERE id = 1')
    .get() as ScheduleRows['meta'] | undefined;
  if (!meta) return null;
  const docs = (table: string) =>
    db.prepare(`SELECT id, doc FROM ${table} ORDER BY seq`).all() as ScheduleRows['sessions'];
  return scheduleFromRows({
    meta,
    venues: db.prepare('SELECT id, name, kind, building, floor, directions FROM venues ORDER BY seq').all() as Record<
      string,
      unknown
    >[],
    sessions: docs('sessions'),
    announcements: docs('announcements'),
    emergency: db
      .prepare('SELECT text, since, translations FROM emergency WHERE id = 1')
      .get() as ScheduleRows['emergency'],
  });
}

/** The schedule the rows describe, each document checked against the model's schema. */
export function scheduleFromRows({ meta, venues, sessions, announcements, emergency }: ScheduleRows): Schedule {
  const docs = <T>(table: string, rows: { id: string; doc: string }[], schema: z.core.$ZodType<T>): T[] =>
    rows.map((row) => parseRow(table, row.id, schema, parseJson(table, row)));
  return {
    revision: meta.revision,
    ...(meta.schedule_id !== null && { scheduleId: meta.schedule_id }),
    timezone: meta.timezone,
    ...(meta.conference !== null && {
      conference: parseRow('meta', 'conference', ConferenceSchema, JSON.parse(meta.conference)),
    }),
    venues: venues.map((row) => parseRow('venues', String(row.id), VenueSchema, withoutNulls(row))),
    sessions: docs('sessions', sessions, SessionSchema),
    announcements: docs('announcements', announcements, AnnouncementSchema),
    emergency: emergency ? emergencyFromRow(emergency) : null,
    ...(meta.settings !== null && {
      settings: parseRow('meta', 'settings', ScheduleSettingsSchema, JSON.parse(meta.settings)),
    }),
  };
}

/** The emergency's columns as the store writes them (text, since, translations JSON or NULL). */
export function emergencyRow(emergency: Emergency): [string, string, string | null] {
  return [emergency.text, emergency.since, emergency.translations ? JSON.stringify(emergency.translations) : null];
}

function emergencyFromRow(row: NonNullable<ScheduleRows['emergency']>): Emergency {
  return parseRow('emergency', '1', EmergencySchema, {
    text: row.text,
    since: row.since,
    ...(row.translations !== null && { translations: parseJson('emergency', { id: '1', doc: row.translations }) }),
  });
}

/** Optional venue columns are NULL when unset; the schema wants them absent. */
function withoutNulls(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null));
}

function parseJson(table: string, row: { id: string; doc: string }): unknown {
  try {
    return JSON.parse(row.doc);
  } catch {
    throw new Error(`damaged database: ${table} row ${row.id} holds invalid JSON`);
  }
}

function parseRow<T>(table: string, id: string, schema: z.core.$ZodType<T>, value: unknown): T {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  throw new Error(`damaged database: ${table} row ${id}: ${formatZodError(result.error).error}`);
}

/** Parameters that do not parse (a newer server's, say) are left out: the English summary stands in. */
function storedParams(text: string | null): { params?: JournalParams } {
  if (text === null) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {};
  }
  const params = readJournalParams(value);
  return params ? { params } : {};
}

export function entryFromRow(row: JournalRow): StoredJournalEntry {
  return {
    revision: row.revision,
    at: row.at,
    actor: row.actor,
    ...(row.actor_name !== null && { actorName: row.actor_name }),
    operation: row.operation,
    summary: row.summary,
    ...storedParams(row.params),
    ...(row.session_id !== null && { sessionId: row.session_id }),
    ...(row.undone_by !== null && { undoneBy: row.undone_by }),
    ...(row.undoes !== null && { undoes: row.undoes }),
    delta: JSON.parse(row.delta) as Delta,
    inverse: JSON.parse(row.inverse) as DeltaOp[],
  };
}
