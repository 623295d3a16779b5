/**
 * Venue-zone time arithmetic for one import, memoised. A schedule repeats the same few hundred
 * start and end times across thousands of events, and luxon's offset lookup (Intl, several
 * times per DateTime) was most of a 2 MB import; the same string or instant always gives the same
 * answer, so each is worked out once.
 */
import { DateTime } from 'luxon';
import { toVenueIso } from '../../../shared/time.ts';

export class ZoneTimes {
  private readonly instants = new Map<string, number | undefined>();
  private readonly isos = new Map<number, string>();
  private readonly offsets = new Map<number, number>();

  constructor(readonly zone: string) {}

  /** An ISO date-time (its own offset, or venue time without one) as an instant; undefined when invalid. */
  instant(iso: string): number | undefined {
    if (this.instants.has(iso)) return this.instants.get(iso);
    const parsed = DateTime.fromISO(iso, { zone: this.zone });
    const instant = parsed.isValid ? parsed.toMillis() : undefined;
    this.instants.set(iso, instant);
    return instant;
  }

  /** The canonical venue-offset form of an instant (shared/time.ts toVenueIso). */
  iso(instant: number): string {
    let text = this.isos.get(instant);
    if (text === undefined) this.isos.set(instant, (text = toVenueIso(instant, this.zone)));
    return text;
  }

  /** The zone's UTC offset at an instant, in minutes. */
  offset(instant: number): number {
    let minutes = this.offsets.get(instant);
    if (minutes === undefined)
      this.offsets.set(instant, (minutes = DateTime.fromMillis(instant, { zone: this.zone }).offset));
    return minutes;
  }
}
