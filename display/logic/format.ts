/** Wording shared by the door display and the lobby board: times, organisers, change labels. */
import type { Organizers, Venue } from '../../shared/model.ts';
import { formatClock } from '../../shared/time.ts';
import type { SessionChange } from '../../shared/views/index.ts';
import { en } from '../../shared/i18n/en.ts';
import type { Messages } from '../../shared/i18n/messages.ts';
import { phrase, words, type Phrase } from '../../shared/i18n/phrase.ts';

/** "13:00–13:50" in venue time. */
export function timeRange(start: number, end: number, zone: string): string {
  return `${formatClock(start, zone)}–${formatClock(end, zone)}`;
}

/** "with ⟨Italy, Mexico⟩" for the partners; undefined when there are none. */
export function partnersLine(organizers: Organizers, m: Messages = en): Phrase | undefined {
  return organizers.partners.length ? phrase(m.withPartners, organizers.partners.join(', ')) : undefined;
}

export type ChangeTone = 'cancelled' | 'moved' | 'retimed';

export interface ChangeLabel {
  /** The words, with the room or time they name marked as data. */
  text: Phrase;
  tone: ChangeTone;
}

export function venueLabel(venues: readonly Venue[], venueId: string): string {
  return venues.find((v) => v.id === venueId)?.name ?? venueId;
}

/** "M7, 1st floor, turn left": the room with the way there, for moved notices and lobby rows. */
export function venueWithDirections(venues: readonly Venue[], venueId: string, directions?: string): string {
  const venue = venues.find((v) => v.id === venueId);
  const way = directions ?? venueDirections(venue);
  return way ? `${venue?.name ?? venueId}, ${way}` : (venue?.name ?? venueId);
}

/** The venue's own way there: its directions, else its floor. */
export function venueDirections(venue: Venue | undefined): string {
  if (!venue) return '';
  return venue.directions ?? venue.floor ?? '';
}

/** What fits beside a room's name in the lobby's narrow room column, on its two lines. */
const BOARD_WAY_CHARS = 26;

/**
 * The way to a room as a lobby row shows it: the venue's directions when they fit the column,
 * else its floor (the building is usually in the room's name); the door's notices show them whole.
 */
export function boardDirections(venue: Venue | undefined): string {
  if (!venue) return '';
  const { directions, floor } = venue;
  if (directions && directions.length <= BOARD_WAY_CHARS) return directions;
  return floor ?? directions ?? '';
}

/**
 * What a screen says about a changed session. A cancelled session only says "Cancelled": where
 * and when it would have been no longer matters.
 */
export function changeLabels(
  change: SessionChange,
  start: number,
  venues: readonly Venue[],
  zone: string,
  m: Messages = en,
): ChangeLabel[] {
  if (change.cancelled) return [{ text: words(m.cancelled), tone: 'cancelled' }];
  const labels: ChangeLabel[] = [];
  if (change.movedFrom) {
    labels.push({ text: phrase(m.movedFrom, venueLabel(venues, change.movedFrom)), tone: 'moved' });
  }
  if (change.startShiftMinutes !== undefined && change.startShiftMinutes > 0) {
    labels.push({ text: phrase(m.delayedNow, formatClock(start, zone)), tone: 'retimed' });
  } else if (change.retimed) {
    labels.push({ text: words(m.newTime), tone: 'retimed' });
  }
  return labels;
}

/** The label at the old door of a session that moved out. */
export function movedToLabel(movedTo: string, venues: readonly Venue[], m: Messages = en): ChangeLabel {
  return { text: phrase(m.movedTo, venueWithDirections(venues, movedTo)), tone: 'moved' };
}
