/**
 * One timed row of the UN programme → a draft session (times still in minutes of its day).
 * Plenary rows: time, agenda text [, venue] (the venue usually comes from the heading above).
 * Side-event rows: time, "TITLE Organized by …", [meeting details,] venue.
 */
import type { AgendaItem, OnlineDetails, Organizers, Session } from '../../../shared/model.ts';
import { parseAgendaItems, plenaryTitle } from './agenda.ts';
import { parseOnlineDetails } from './online.ts';
import { splitTitleAndOrganizers } from './organizers.ts';
import { DEFAULT_SLOT_MINUTES, clockText, parseTimeRange } from './times.ts';

export interface DraftSession {
  line: number;
  kind: Session['kind'];
  title: string;
  /** Venue day, yyyy-MM-dd. */
  day: string;
  /** Minutes after the day's midnight (may exceed 24 h for a session past midnight). */
  start: number;
  end: number;
  venueName: string;
  organizers: Organizers;
  online?: OnlineDetails;
  agendaItems?: AgendaItem[];
}

/** A row read (possibly with remarks worth a warning) or refused with the reason. */
export type RowResult = { ok: true; draft: DraftSession; notes: string[] } | { ok: false; reason: string };

interface RowContext {
  line: number;
  day: string;
  /** The venue heading above a plenary row; null in the side-event section. */
  plenaryVenue: string | null;
}

const EXHIBITION = /^(?:opening of the\s+)?exhibition\b/i;
/** VenueSchema's limit: a longer "venue" is a misplaced column, not a room. */
const MAX_VENUE_NAME = 200;

export function readRow(cells: string[], section: 'plenary' | 'side', ctx: RowContext): RowResult {
  const [timeText = '', ...rest] = cells;
  const time = parseTimeRange(timeText);
  if (!time.ok) {
    const shown = timeText.length > 60 ? `${timeText.slice(0, 57)}…` : timeText;
    return { ok: false, reason: `cannot read the time "${shown}" (${time.reason}); row ignored` };
  }
  const notes: string[] = [];
  if (time.endMissing) {
    notes.push(
      `"${timeText}" has no end time; assuming the standard ${DEFAULT_SLOT_MINUTES}-minute slot (until ${clockText(time.end)})`,
    );
  }
  const base = { line: ctx.line, day: ctx.day, start: time.start, end: time.end };
  const result = section === 'plenary' ? readPlenary(rest, base, ctx, notes) : readSideEvent(rest, base, notes);
  if (result.ok && result.draft.venueName.length > MAX_VENUE_NAME) {
    return {
      ok: false,
      reason: `venue "${result.draft.venueName.slice(0, 40)}…" is longer than ${MAX_VENUE_NAME} characters; row ignored`,
    };
  }
  return result;
}

type Base = Pick<DraftSession, 'line' | 'day' | 'start' | 'end'>;

function readPlenary(cells: string[], base: Base, ctx: RowContext, notes: string[]): RowResult {
  const [text, ...more] = cells;
  if (!text) return { ok: false, reason: 'plenary row has a time but no agenda text; row ignored' };
  const venueName = more.at(-1) ?? ctx.plenaryVenue;
  if (!venueName) return { ok: false, reason: 'plenary row without a venue (no room heading above it); row ignored' };
  if (more.length > 1)
    notes.push(
      `extra columns ignored: ${more
        .slice(0, -1)
        .map((c) => `"${c}"`)
        .join(', ')}`,
    );
  const agenda = parseAgendaItems(text);
  const draft: DraftSession = {
    ...base,
    kind: 'plenary',
    title: plenaryTitle(agenda),
    venueName,
    organizers: { lead: '', partners: [] },
    ...(agenda.items.length ? { agendaItems: agenda.items } : {}),
  };
  return { ok: true, draft, notes };
}

function readSideEvent(cells: string[], base: Base, notes: string[]): RowResult {
  const text = cells[0];
  const venueName = cells.length >= 2 ? cells.at(-1)! : undefined;
  if (!text) return { ok: false, reason: 'row has a time but no title; row ignored' };
  if (!venueName || parseOnlineDetails(venueName)) {
    return {
      ok: false,
      reason: 'row has no venue column (expected time, title, venue separated by tabs); row ignored',
    };
  }
  let online: OnlineDetails | undefined;
  for (const cell of cells.slice(1, -1)) {
    const details = parseOnlineDetails(cell);
    if (details) online = { ...online, ...details };
    else notes.push(`unexpected column "${cell}" ignored`);
  }
  const { title, organizers } = splitTitleAndOrganizers(text);
  if (!title) return { ok: false, reason: 'row has organisers but no title; row ignored' };
  const draft: DraftSession = {
    ...base,
    kind: EXHIBITION.test(title) ? 'exhibition' : 'side-event',
    title,
    venueName,
    organizers,
    ...(online ? { online } : {}),
  };
  return { ok: true, draft, notes };
}
