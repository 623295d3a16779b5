import { readFileSync } from 'node:fs';
import { parseIcal } from '../server/interchange/readers/ical.ts';
const r = parseIcal(readFileSync(process.argv[2]!, 'utf8'), { timezone: process.argv[3] });
console.log(JSON.stringify(r.warnings), r.programme.timezone, r.programme.venues);
for (const s of r.programme.sessions) console.log(s.id, s.start, s.end, s.venueId, s.status, s.title, s.organizers.lead, s.online?.url ?? '');
