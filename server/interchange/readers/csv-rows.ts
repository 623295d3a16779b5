/**
 * One CSV row → one session (or the list of what is wrong with it, each naming its column).
 * Empty cells mean "not given": kind other, status scheduled, planned = as now, version 1.
 */
import { z } from 'zod';
import { TimeInput } from '../../../shared/commands.ts';
import {
  AgendaItemSchema,
  OnlineDetailsSchema,
  SessionKind,
  SessionStatus,
  VenueId,
  type AgendaItem,
  type OnlineDetails,
  type Session,
  type Venue,
} from '../../../shared/model.ts';
import { normaliseIso, parseInstant } from '../../../shared/time-parse.ts';
import { agendaWithTranslations } from '../../../shared/translations.ts';
import { decodePartners, isSessionId, type CsvColumn } from './csv-format.ts';
import { canonicalVenueName, venueIdOf } from './venues.ts';

export type CsvCells = Partial<Record<CsvColumn, string>>;

/** A read row: the session without its id when the file gives none (one is derived later). */
export interface CsvRow {
  line: number;
  id: string | undefined;
  session: Omit<Session, 'id'>;
  venue: Venue;
  /** Times written with an offset, to check the offsets against the venue's zone. */
  writtenTimes: string[];
}

export type RowResult = { ok: true; row: CsvRow } | { ok: false; errors: string[] };

const HAS_OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/;
const AgendaItems = z.array(AgendaItemSchema).max(100);

/** Reads the cells of one row; `zone` gives meaning to times written without an offset. */
export function readCsvRow(cells: CsvCells, line: number, zone: string): RowResult {
  const errors: string[] = [];
  const cell = (column: CsvColumn): string => (cells[column] ?? '').trim();
  const fail = (column: CsvColumn, message: string): undefined => {
    errors.push(`${column}: ${message}`);
    return undefined;
  };

  const id = cell('id') || undefined;
  if (id !== undefined && !isSessionId(id)) fail('id', `"${id}" must be letters, digits, - or _ (at most 100)`);

  const title = cell('title');
  if (!title) fail('title', 'must not be empty');

  const kind = enumCell(SessionKind.options, cell('kind'), 'other');
  if (kind === undefined) fail('kind', `"${cell('kind')}" must be one of ${SessionKind.options.join(', ')}`);
  const status = enumCell(SessionStatus.options, cell('status'), 'scheduled');
  if (status === undefined) fail('status', `"${cell('status')}" must be one of ${SessionStatus.options.join(', ')}`);

  const time = (column: CsvColumn, required: boolean): string | undefined => {
    const text = cell(column);
    if (!text) return required ? fail(column, 'must not be empty') : undefined;
    if (!TimeInput.safeParse(text).success) {
      return fail(column, `"${text}" is not a date-time such as 2024-10-14T13:00:00+02:00`);
    }
    return normaliseIso(text, zone);
  };
  const start = time('start', true);
  const end = time('end', true);
  if (start && end && parseInstant(end, zone) <= parseInstant(start, zone)) fail('end', 'must be after start');

  const venue = readVenue(cell('venue_id'), cell('venue_name'), cell('venue_kind'), fail);

  const partners = decodePartners(cell('organizer_partners'));
  if (partners === null) fail('organizer_partners', 'must be a JSON array of names, e.g. ["A", "B"]');

  const online = readOnline(cells, fail);
  const agendaItems = readAgenda(cell('agenda_items'), fail);

  const plannedStart = time('planned_start', false) ?? start;
  const plannedEnd = time('planned_end', false) ?? end;
  const plannedVenue = cell('planned_venue_id') || venue?.id;
  if (cell('planned_venue_id') && !VenueId.safeParse(plannedVenue).success) {
    fail('planned_venue_id', `"${plannedVenue}" must be a short URL-safe id`);
  }

  const versionText = cell('version');
  const version = versionText === '' ? 1 : Number(versionText);
  if (!Number.isInteger(version) || version < 1)
    fail('version', `"${versionText}" must be a whole number of at least 1`);

  if (errors.length > 0 || !start || !end || !venue || !kind || !status || !partners) return { ok: false, errors };
  const session: Omit<Session, 'id'> = {
    kind,
    title,
    start,
    end,
    venueId: venue.id,
    organizers: { lead: cell('organizer_lead'), partners },
    ...(online && { online }),
    ...(agendaItems && { agendaItems }),
    status,
    planned: { start: plannedStart ?? start, end: plannedEnd ?? end, venueId: plannedVenue ?? venue.id },
    version,
  };
  const writtenTimes = (['start', 'end', 'planned_start', 'planned_end'] as const)
    .map(cell)
    .filter((t) => HAS_OFFSET.test(t));
  return { ok: true, row: { line, id, session, venue, writtenTimes } };
}

function enumCell<T extends string>(options: readonly T[], text: string, fallback: T): T | undefined {
  if (text === '') return fallback;
  return options.find((o) => o === text.toLowerCase());
}

type Fail = (column: CsvColumn, message: string) => undefined;

function readVenue(idCell: string, nameCell: string, kindCell: string, fail: Fail): Venue | undefined {
  if (!idCell && !nameCell) return fail('venue_id', 'give venue_id or venue_name');
  const name = nameCell ? canonicalVenueName(nameCell) : idCell;
  const id = idCell || venueIdOf(name);
  if (!VenueId.safeParse(id).success) return fail('venue_id', `"${id}" must be a short URL-safe id`);
  const kind = enumCell(['room', 'online'] as const, kindCell, /^online$/i.test(name) ? 'online' : 'room');
  if (!kind) return fail('venue_kind', `"${kindCell}" must be room or online`);
  return { id, name, kind };
}

function readOnline(cells: CsvCells, fail: Fail): OnlineDetails | undefined {
  const meetingId = cells.meeting_id?.trim() ?? '';
  const passcode = cells.passcode?.trim() ?? '';
  const url = cells.url?.trim() ?? '';
  const show = cells.show_passcode?.trim().toLowerCase() ?? '';
  if (!meetingId && !passcode && !url && !show) return undefined;
  if (show !== '' && show !== 'true' && show !== 'false')
    return fail('show_passcode', `"${show}" must be true, false or empty`);
  const candidate = {
    ...(meetingId && { meetingId }),
    ...(passcode && { passcode }),
    ...(url && { url }),
    ...(show !== '' && { showPasscode: show === 'true' }),
  };
  const checked = OnlineDetailsSchema.safeParse(candidate);
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0];
  const column = issue?.path[0] === 'url' ? 'url' : issue?.path[0] === 'passcode' ? 'passcode' : 'meeting_id';
  return fail(column, issue?.message ?? 'invalid');
}

function readAgenda(text: string, fail: Fail): AgendaItem[] | undefined {
  if (text === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail(
      'agenda_items',
      'must be a JSON array such as [{"code": "1", "title": "Opening", "translations": {"fr": {"title": "Ouverture"}}}]',
    );
  }
  const checked = AgendaItems.safeParse(parsed);
  if (checked.success) return agendaWithTranslations(checked.data);
  const issue = checked.error.issues[0];
  return fail('agenda_items', `${issue?.path.join('.') || 'list'}: ${issue?.message ?? 'invalid'}`);
}
