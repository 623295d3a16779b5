/**
 * Two additions to what ical-generator writes, done on the finished text:
 *  - the VTIMEZONE of the venue's zone. ical-generator only writes one for a calendar-wide zone,
 *    and a calendar-wide zone makes it write DTSTAMP as a local time without "Z", which RFC 5545
 *    forbids; so events carry the zone themselves and the VTIMEZONE is inserted here.
 *  - RFC 7986 CONFERENCE properties (the join link), which ical-generator does not know and its
 *    x() refuses (only X- names). Events carry a placeholder X- property that is swapped here.
 * Lines are unfolded before and folded again after (75 octets, RFC 5545 §3.1).
 */
import { foldLines } from 'ical-generator';
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library';

export const CONFERENCE_PLACEHOLDER = 'X-SIGNAGE-CONFERENCE';

const CRLF = '\r\n';

function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split(CRLF);
}

/**
 * The VTIMEZONE for an IANA zone, under that zone's own name, or null when the library has none.
 * The library answers an alias (Europe/Amsterdam, Europe/Oslo, America/Montreal) with the block of
 * the zone it links to, named after that other city; the rules are the same (that is why tzdb
 * links them), so the block is kept and its TZID renamed, and the venue's zone is what calendars show.
 */
export function vtimezoneOf(zone: string): { block: string; tzid: string } | null {
  if (!(tzlib_get_timezones() as string[]).includes(zone)) return null;
  const [block] = tzlib_get_ical_block(zone) as [string, string];
  if (!block || !/^TZID:/m.test(block)) return null;
  const renamed = block.replace(/^TZID:.*$/m, `TZID:${zone}`).replace(/^X-LIC-LOCATION:.*$/m, `X-LIC-LOCATION:${zone}`);
  return { block: renamed.trim(), tzid: zone };
}

/**
 * Inserts the VTIMEZONE before the first event (RFC 5545 wants it before its first use) and turns
 * each placeholder line into `CONFERENCE;VALUE=URI;FEATURE=VIDEO:<url>`; `links` maps the
 * placeholder's value to the URL, so URLs are written as they are (URI values are not escaped).
 */
export function finishCalendar(ics: string, vtimezone: string | null, links: ReadonlyMap<string, string>): string {
  const out: string[] = [];
  let zoneWritten = vtimezone === null;
  for (const line of unfold(ics)) {
    if (!zoneWritten && (line === 'BEGIN:VEVENT' || line === 'END:VCALENDAR')) {
      out.push(...vtimezone!.split(/\r\n|\n/));
      zoneWritten = true;
    }
    if (line.startsWith(`${CONFERENCE_PLACEHOLDER}:`)) {
      const url = links.get(line.slice(CONFERENCE_PLACEHOLDER.length + 1));
      if (url) out.push(`CONFERENCE;VALUE=URI;FEATURE=VIDEO:${url}`);
      continue;
    }
    out.push(line);
  }
  // Every line ends with CRLF, the last one included (RFC 5545 §3.1).
  return `${foldLines(out.filter((line, i) => line !== '' || i < out.length - 1).join(CRLF))}${CRLF}`;
}
