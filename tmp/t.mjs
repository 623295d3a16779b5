import ICAL from 'ical.js';
const txt = ['BEGIN:VCALENDAR','VERSION:2.0','BEGIN:VEVENT','UID:a','DTSTART;TZID=W. Europe Standard Time:20240301T100000','DURATION:PT1H','RRULE:FREQ=DAILY;COUNT=3','EXDATE;TZID=W. Europe Standard Time:20240302T100000','SUMMARY:x','END:VEVENT','BEGIN:VEVENT','UID:a','RECURRENCE-ID;TZID=W. Europe Standard Time:20240303T100000','DTSTART;TZID=W. Europe Standard Time:20240303T120000','DURATION:PT1H','SUMMARY:moved','END:VEVENT','END:VCALENDAR'].join('\r\n');
const c = new ICAL.Component(ICAL.parse(txt));
const evs = c.getAllSubcomponents('vevent');
const master = new ICAL.Event(evs[0]); master.relateException(evs[1]);
const it = master.iterator(); let n;
while ((n = it.next())) { const d = master.getOccurrenceDetails(n); console.log(n.toString(), n.timezone, n.zone?.tzid, d.startDate.toString(), d.startDate.timezone, d.item.summary, d.endDate.toString()); }
const p = evs[0].getFirstProperty('dtstart'); console.log(p.getParameter('tzid'), p.getFirstValue().toString(), master.isRecurring());
console.log(Object.keys(ICAL));
