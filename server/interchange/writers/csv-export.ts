/**
 * GET /api/export/schedule.csv: every session (cancelled ones too, with their status) as one row
 * in the columns of readers/csv-format.ts, so the file imports back unchanged.
 *
 * Written for spreadsheets: a UTF-8 byte order mark (Excel needs it to read UTF-8), CRLF line
 * ends (RFC 4180) and formula-looking cells defused with an apostrophe.
 */
import { stringify } from 'csv-stringify/sync';
import type { Schedule, Session } from '../../../shared/model.ts';
import { CSV_COLUMNS, encodePartners, guardCell, type CsvColumn } from '../readers/csv-format.ts';
import { byStartThenVenue } from './export-order.ts';
import { LANGUAGES } from '../../../shared/languages.ts';

function row(session: Session, schedule: Schedule): Record<CsvColumn, string> {
  const venue = schedule.venues.find((v) => v.id === session.venueId);
  const online = session.online;
  return {
    id: session.id,
    kind: session.kind,
    title: session.title,
    start: session.start,
    end: session.end,
    venue_id: session.venueId,
    venue_name: venue?.name ?? session.venueId,
    venue_kind: venue?.kind ?? 'room',
    status: session.status,
    organizer_lead: session.organizers.lead,
    organizer_partners: encodePartners(session.organizers.partners),
    meeting_id: online?.meetingId ?? '',
    passcode: online?.passcode ?? '',
    show_passcode: online?.showPasscode === undefined ? '' : String(online.showPasscode),
    url: online?.url ?? '',
    agenda_items: session.agendaItems ? JSON.stringify(session.agendaItems) : '',
    planned_start: session.planned.start,
    planned_end: session.planned.end,
    planned_venue_id: session.planned.venueId,
    version: String(session.version),
  };
}

/**
 * Translated titles follow the fixed columns, one `title_<language>` column per language any
 * session has (readers/translation-columns.ts reads them back).
 */
export function scheduleCsv(schedule: Schedule): string {
  const languages = LANGUAGES.filter((language) => schedule.sessions.some((s) => s.translations?.[language]));
  const records = [...schedule.sessions].sort(byStartThenVenue(schedule)).map((session) => {
    const cells = row(session, schedule);
    return [
      ...CSV_COLUMNS.map((column) => guardCell(cells[column])),
      ...languages.map((language) => guardCell(session.translations?.[language]?.title ?? '')),
    ];
  });
  const header = [...CSV_COLUMNS, ...languages.map((language) => `title_${language}`)];
  return stringify([header, ...records], { bom: true, record_delimiter: 'windows' });
}
