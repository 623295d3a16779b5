import { describe, expect, it } from 'vitest';
import { roomView } from '../../shared/views/index.ts';
import { doorSections, statusDetail } from '../../display/logic/door-sections.ts';
import { changeLabels, movedToLabel, timeRange } from '../../display/logic/format.ts';
import { firstSessionAfterToday } from '../../display/logic/later-days.ts';
import { ZONE, monday, schedule, session } from './display-fixture.ts';
import { phraseText } from '../../shared/i18n/phrase.ts';

describe('change labels', () => {
  const venues = schedule([]).venues;

  it('says where a moved session came from, by venue name', () => {
    const labels = changeLabels({ cancelled: false, retimed: false, movedFrom: 'Plenary' }, 0, venues, ZONE);
    expect(labels).toEqual([{ text: ['Moved from ', { data: 'Plenary Hall, M-Building' }], tone: 'moved' }]);
  });

  it('gives a delayed session its new start in venue time', () => {
    const labels = changeLabels(
      { cancelled: false, retimed: true, startShiftMinutes: 15 },
      monday('14:15'),
      venues,
      ZONE,
    );
    expect(labels).toEqual([{ text: ['Delayed — now ', { data: '14:15' }], tone: 'retimed' }]);
  });

  it('calls an earlier start or a new end a new time', () => {
    const earlier = changeLabels({ cancelled: false, retimed: true, startShiftMinutes: -10 }, 0, venues, ZONE);
    const longer = changeLabels({ cancelled: false, retimed: true }, 0, venues, ZONE);
    expect(earlier).toEqual([{ text: ['New time'], tone: 'retimed' }]);
    expect(longer).toEqual([{ text: ['New time'], tone: 'retimed' }]);
  });

  it('says only "Cancelled" for a cancelled session, whatever else changed', () => {
    const labels = changeLabels(
      { cancelled: true, retimed: true, movedFrom: 'M7', startShiftMinutes: 5 },
      0,
      venues,
      ZONE,
    );
    expect(labels).toEqual([{ text: ['Cancelled'], tone: 'cancelled' }]);
  });

  it('names the new room at the old door, falling back to the id', () => {
    // The room (with its way there) is data inside the sentence: screens isolate it.
    expect(movedToLabel('M7', venues).text).toEqual(['Moved to ', { data: 'M7' }]);
    expect(movedToLabel('X9', venues).text).toEqual(['Moved to ', { data: 'X9' }]);
  });

  it('writes times in venue time whatever the process zone', () => {
    expect(process.env.TZ).toBe('America/New_York');
    expect(timeRange(monday('13:00'), monday('13:50'), ZONE)).toBe('13:00–13:50');
  });
});

describe('door sections', () => {
  const moved = session('moved', 'M7', '15:00', '15:50', {
    planned: { start: '2024-10-14T15:00:00+02:00', end: '2024-10-14T15:50:00+02:00', venueId: 'CR3' },
  });
  const sessions = [
    session('a', 'CR3', '13:00', '13:50'),
    session('b', 'CR3', '14:00', '14:50'),
    session('c', 'CR3', '16:00', '16:50', { status: 'cancelled' }),
    session('d', 'CR3', '17:00', '17:50'),
    moved,
  ];

  it('lists the rest of the day after next with cancelled slots; a moved-away slot is a notice all day', () => {
    const at = monday('13:10');
    const { notices, timeline } = doorSections(roomView(schedule(sessions), 'CR3', at), at, schedule([]).venues, ZONE);
    expect(notices.map((e) => [e.session.id, e.labels.map((l) => phraseText(l.text))])).toEqual([
      ['moved', ['Moved to M7']],
    ]);
    expect(timeline.map((e) => [e.session.id, e.labels.map((l) => phraseText(l.text)), e.struck])).toEqual([
      ['c', ['Cancelled'], true],
      ['d', [], false],
    ]);
  });

  it('keeps the moved-away notice in the minutes before its slot', () => {
    const at = monday('14:50');
    const { notices, timeline } = doorSections(roomView(schedule(sessions), 'CR3', at), at, schedule([]).venues, ZONE);
    expect(notices.map((e) => e.session.id)).toEqual(['moved']);
    expect(notices[0]!.start).toBe(monday('15:00'));
    // d is next (shown on its own); the cancelled c stays in the day's list.
    expect(timeline.map((e) => e.session.id)).toEqual(['c']);
  });

  it('keeps a cancelled session visible as a notice during its slot', () => {
    const at = monday('16:10');
    const { notices } = doorSections(roomView(schedule(sessions), 'CR3', at), at, schedule([]).venues, ZONE);
    expect(notices.map((e) => [e.session.id, e.struck])).toEqual([['c', true]]);
  });
});

describe('first session after today', () => {
  it('finds the earliest later-day session of the room, skipping cancelled ones', () => {
    const tuesday = (id: string, hh: string, extra = {}) => ({
      ...session(id, 'CR3', '10:00', '11:00', extra),
      start: `2024-10-15T${hh}:00:00+02:00`,
      end: `2024-10-15T${hh}:50:00+02:00`,
    });
    const sessions = [
      session('today', 'CR3', '13:00', '13:50'),
      tuesday('t-cancelled', '09', { status: 'cancelled' }),
      tuesday('t-late', '15'),
      tuesday('t-early', '10'),
      { ...tuesday('elsewhere', '08'), venueId: 'M7' },
    ];
    const first = firstSessionAfterToday(sessions, 'CR3', monday('18:00'), ZONE);
    expect(first?.session.id).toBe('t-early');
    expect(firstSessionAfterToday(sessions, 'M7', monday('18:00'), ZONE)?.session.id).toBe('elsewhere');
    expect(firstSessionAfterToday(sessions, 'Plenary', monday('18:00'), ZONE)).toBeNull();
  });
});

describe('status band wording', () => {
  const sessions = [session('a', 'CR3', '13:00', '13:50'), session('b', 'CR3', '15:00', '15:50')];
  const detail = (hhmm: string) =>
    phraseText(statusDetail(roomView(schedule(sessions), 'CR3', monday(hhmm)), monday(hhmm), ZONE));

  it('says until when a room is busy or free, and how soon the next session starts', () => {
    expect(detail('12:00')).toBe('until 13:00');
    // The countdown is on the next-session panel; the band gives the time, so "In 8 min" is not said twice.
    expect(detail('12:52')).toBe('at 13:00');
    expect(detail('13:10')).toBe('until 13:50');
    expect(detail('14:00')).toBe('until 15:00');
    expect(detail('16:00')).toBe('for the rest of the day');
  });
});
