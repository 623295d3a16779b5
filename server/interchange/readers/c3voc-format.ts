/**
 * The c3voc schedule.json conventions (what frab and pretalx export; schema:
 * test/fixtures/interchange/c3voc-schema.json) that our export and our importer share.
 *
 *   { generator?, schedule: { version, base_url, conference: { title, acronym, time_zone_name,
 *     rooms: [{ name, guid }], days: [{ index, date, day_start, day_end,
 *     rooms: { "<room name>": [event, …] } }] } } }
 *   event: { id, guid, date (ISO with offset), start "HH:MM", duration "HH:MM", room, slug,
 *            title, track, type, persons: [{ name | public_name }], links: [{ url, title }], … }
 *
 * The format has no field for our session kind, id or join link, so our export carries them
 * where readers expect such things: the kind as the track, the id as the slug, the join link as
 * a link titled "Join online". The guid is derived from the slug (sessionGuid), which tells our
 * importer that the slug is one of our ids and not, say, pretalx's "democon-25-some-title".
 */
import type { Session } from '../../../shared/model.ts';

export const JOIN_LINK_TITLE = 'Join online';

/**
 * What our export writes when the schedule names no conference (the schema requires both): a
 * re-import must not take them for a conference's real title and acronym.
 */
export const UNNAMED_CONFERENCE = { title: 'Programme', acronym: 'venue_signage' } as const;

type Kind = Session['kind'];

export const KIND_TRACKS: Record<Kind, string> = {
  plenary: 'Plenary',
  'side-event': 'Side event',
  exhibition: 'Exhibition',
  other: 'Other',
};

/** c3voc event types (the schema's list) that come closest to each kind. */
export const KIND_TYPES: Record<Kind, string> = {
  plenary: 'meeting',
  'side-event': 'discussion',
  exhibition: 'other',
  other: 'other',
};

/** Our kind named by a track ("Side event", "side-event"), if the track names one. */
export function kindOfTrack(track: unknown): Kind | undefined {
  if (typeof track !== 'string') return undefined;
  const key = track
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return (Object.keys(KIND_TRACKS) as Kind[]).find((kind) => kind === key);
}

/** Minutes as c3voc writes durations: "00:50", "01:30", "27:00" (hours may pass 24). */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Minutes of a c3voc duration: "1:00", "01:30", "90:00", or with days "1:02:00" (D:HH:MM, as
 * frab writes events longer than a day). Null when the text is none of these.
 */
export function parseDuration(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const m = /^(?:(\d+):)?(\d+):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [days, hours, minutes] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3])];
  if (minutes > 59 || (m[1] !== undefined && hours > 23)) return null;
  return days * 24 * 60 + hours * 60 + minutes;
}
