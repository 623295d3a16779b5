// Importing a file into the live schedule: the preview plan, then applying it as one revision
// that the generic undo reverts.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Programme, Session } from '../../shared/model.ts';
import { planImport, type ImportedSchedule } from '../../server/interchange/import-plan.ts';
import { openScheduleService } from '../../server/schedule/service.ts';
import type { ScheduleService } from '../../server/schedule/service-types.ts';
import { c3vocSchedule } from '../../server/interchange/writers/c3voc-export.ts';
import { scheduleCsv } from '../../server/interchange/writers/csv-export.ts';
import { FORMATS, readSchedule } from '../../server/interchange/detect-format.ts';
import { parseUnProgramme } from '../../server/interchange/readers/un-programme.ts';
import { openService, removeDir, staff, tempDataDir, testClock, thrown } from './domain-fixture.ts';
import { sessionOf } from '../support/session-of.ts';

let dir: string;
let service: ScheduleService;

beforeEach(async () => {
  dir = tempDataDir();
  service = await openService(dir, testClock());
});
afterEach(async () => {
  await service.close();
  removeDir(dir);
});

function fileOf(format: 'csv' | 'c3voc' | 'un-programme', programme: Programme): ImportedSchedule {
  return { format, fields: FORMATS.find((f) => f.name === format)!.fields, programme, warnings: [] };
}

/** The live programme as a file would carry it, with `edit` applied to its sessions. */
function edited(edit: (sessions: Session[]) => Session[], venues = service.schedule().venues): Programme {
  const { timezone, sessions } = service.schedule();
  return { timezone, venues, sessions: edit(sessions.map((s) => ({ ...s }))) };
}

const at = (time: string, day = '14') => `2024-10-${day}T${time}:00+02:00`;
const ids = (list: Array<{ id: string }>) => list.map((x) => x.id).sort();

/** A file that adds one session, drops one, moves, retimes and edits others. */
function busyFile(): ImportedSchedule {
  return fileOf(
    'csv',
    edited((sessions) => [
      ...sessions
        .filter((s) => s.id !== 'tuesday')
        .map((s) => {
          if (s.id === 'lunch') return { ...s, venueId: 'M7' };
          if (s.id === 'cyber') return { ...s, start: at('11:15'), end: at('12:15') };
          if (s.id === 'firearms') return { ...s, title: 'Firearms trafficking' };
          // Another id, same title the same day: matched by title, its organisers changed.
          if (s.id === 'opening')
            return { ...s, id: 'opening-from-file', organizers: { lead: 'UNODC', partners: ['UNDP'] } };
          return s;
        }),
      {
        ...sessions[0]!,
        id: 'newbie',
        title: 'New side event',
        venueId: 'M7',
        start: at('15:00'),
        end: at('16:00'),
        planned: { start: at('15:00'), end: at('16:00'), venueId: 'M7' },
      },
    ]),
  );
}

describe('planImport', () => {
  it('finds sessions added, missing, moved, retimed and changed, matching by id and then by title', async () => {
    const plan = planImport(service.schedule(), busyFile());
    expect(plan.baseRevision).toBe(0);
    expect(ids(plan.added)).toEqual(['newbie']);
    expect(ids(plan.removed)).toEqual(['tuesday']);
    expect(plan.moved.map((c) => [c.id, c.fields])).toEqual([['lunch', ['venueId']]]);
    expect(plan.retimed.map((c) => [c.id, c.fields])).toEqual([['cyber', ['start', 'end']]]);
    expect(plan.changed.map((c) => [c.id, c.matchedBy, c.fields]).sort()).toEqual([
      ['firearms', 'id', ['title']],
      ['opening', 'title', ['organizers']],
    ]);
    // webinar and the cancelled "dropped" are in the file as they are live.
    expect(plan.unchanged).toBe(2);
    expect(plan.warnings).toEqual([]);

    // A session already cancelled and absent from the file is nothing to cancel.
    const withoutDropped = fileOf(
      'csv',
      edited((sessions) => sessions.filter((s) => s.id !== 'dropped')),
    );
    expect(planImport(service.schedule(), withoutDropped).removed).toEqual([]);
  });

  it('changes only the fields the format carries: a c3voc file keeps join links and agendas', async () => {
    const live = service.schedule();
    await service.updateSession('webinar', { online: { meetingId: '123', url: 'https://meet.example/j/1' } }, staff);
    const text = JSON.stringify(c3vocSchedule(service.schedule(), { baseUrl: 'https://x.example/', now: 0 }));
    const stripped = text.replace(/"links":\[\{[^\]]*\]/g, '"links":[]');
    const plan = planImport(service.schedule(), readSchedule(stripped));
    expect(plan.changed).toEqual([]);
    expect(plan.unchanged).toBe(live.sessions.filter((s) => s.status === 'scheduled').length);
  });

  it('takes from a CSV only the columns it has: a hand-written file keeps kinds and organisers', async () => {
    const text = 'id,title,start,end,venue_id\nopening,Opening,2024-10-14T10:30,2024-10-14T11:00,CR3\n';
    const plan = planImport(service.schedule(), readSchedule(text), 'keep');
    expect(plan.retimed.map((c) => [c.id, c.fields, c.after.kind, c.after.organizers.lead])).toEqual([
      ['opening', ['start'], 'side-event', 'UNODC'],
    ]);
    expect(plan.unchanged).toBe(0);
    expect(plan.removed).toHaveLength(5);
  });

  it('maps venues by name, adds unknown ones and warns about rooms the file would double-book', async () => {
    const venues = [
      ...service.schedule().venues.map((v) => (v.id === 'CR3' ? { ...v, id: 'Conference-Room-3' } : v)),
      { id: 'M9', name: 'Room M9', kind: 'room' as const },
    ];
    const file = fileOf(
      'csv',
      edited(
        (sessions) =>
          sessions.map((s) => {
            if (s.venueId === 'CR3')
              return { ...s, venueId: 'Conference-Room-3', planned: { ...s.planned, venueId: 'Conference-Room-3' } };
            if (s.id === 'firearms') return { ...s, venueId: 'M9' };
            if (s.id === 'webinar') return { ...s, venueId: 'M7' };
            return s;
          }),
        venues,
      ),
    );
    const plan = planImport(service.schedule(), file);
    expect(plan.venuesAdded).toEqual([{ id: 'M9', name: 'Room M9', kind: 'room' }]);
    expect(plan.moved.map((c) => [c.id, c.after.venueId]).sort()).toEqual([
      ['firearms', 'M9'],
      ['webinar', 'M7'],
    ]);
    expect(plan.unchanged).toBe(5);
    expect(plan.warnings).toEqual([]);

    const clashing = fileOf(
      'csv',
      edited((sessions) => sessions.map((s) => (s.id === 'webinar' ? { ...s, venueId: 'CR3' } : s))),
    );
    expect(planImport(service.schedule(), clashing).warnings).toEqual([
      {
        message: expect.stringMatching(
          /^CR3 is already taken by “Opening” on Monday 14 October 10:00–11:00: “Webinar” would share the room/,
        ),
      },
    ]);
  });
});

describe('applyImport', () => {
  it('applies the plan as one revision with one journal entry, and undo brings everything back', async () => {
    const before = service.schedule();
    const plan = planImport(before, busyFile());
    const result = await service.applyImport(plan, staff);
    expect(result.revision).toBe(1);
    expect(result.entry).toMatchObject({
      operation: 'schedule.import',
      actor: 'alice',
      summary: 'Imported schedule: +1, −1, 1 moved, 1 retimed, 2 changed',
    });
    expect(service.journalSince(0)).toHaveLength(1);
    expect(result.value).toEqual({
      added: 1,
      cancelled: 1,
      moved: 1,
      retimed: 1,
      changed: 2,
      unchanged: 2,
      venuesAdded: 0,
    });

    expect(sessionOf(service, 'tuesday')).toMatchObject({ status: 'cancelled', version: 2 });
    expect(sessionOf(service, 'lunch')).toMatchObject({ venueId: 'M7', version: 2, planned: { venueId: 'CR3' } });
    expect(sessionOf(service, 'cyber')).toMatchObject({ start: at('11:15'), end: at('12:15') });
    expect(sessionOf(service, 'opening')!.organizers.partners).toEqual(['UNDP']);
    expect(sessionOf(service, 'opening-from-file')).toBeUndefined();
    expect(sessionOf(service, 'newbie')).toMatchObject({ version: 1, venueId: 'M7', status: 'scheduled' });
    expect(sessionOf(service, 'webinar')!.version).toBe(1);

    const undo = await service.undo(result.revision, { name: 'bob' });
    expect(undo.revision).toBe(2);
    const strip = (s: Session) => ({ ...s, version: 0 });
    expect(
      service
        .schedule()
        .sessions.map(strip)
        .sort((a, b) => a.id.localeCompare(b.id)),
    ).toEqual(before.sessions.map(strip).sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('keeps missing sessions when asked', async () => {
    const plan = planImport(service.schedule(), busyFile(), 'keep');
    expect(ids(plan.removed)).toEqual(['tuesday']);
    const result = await service.applyImport(plan, staff);
    expect(result.value.cancelled).toBe(0);
    expect(result.entry.summary).toBe('Imported schedule: +1, 1 moved, 1 retimed, 2 changed');
    expect(sessionOf(service, 'tuesday')!.status).toBe('scheduled');
  });

  it('refuses a plan made against an older revision (409), and one with nothing to change (400)', async () => {
    const plan = planImport(service.schedule(), busyFile());
    await service.updateSession('webinar', { title: 'Webinar (moved online)' }, staff);
    const stale = await thrown(() => service.applyImport(plan, staff));
    expect(stale).toMatchObject({ status: 409, field: 'expectedRevision' });
    expect(stale.message).toMatch(/changed since the preview \(now revision 1, the preview was of revision 0\)/);
    expect(service.revision()).toBe(1);

    const empty = planImport(service.schedule(), readSchedule(scheduleCsv(service.schedule())));
    expect(empty.unchanged).toBe(service.schedule().sessions.length);
    expect(await thrown(() => service.applyImport(empty, staff))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/nothing to import/),
    });
  });
});

describe('re-importing a revised UN programme', () => {
  const text = readFileSync(new URL('../../programme/crimecop12-programme.txt', import.meta.url), 'utf8');
  let programmeService: ScheduleService;
  let programmeDir: string;

  beforeEach(async () => {
    programmeDir = tempDataDir();
    programmeService = await openScheduleService({
      dataDir: programmeDir,
      seed: () => parseUnProgramme(text).programme,
      now: () => testClock().now,
    });
  });
  afterEach(async () => {
    programmeService.close();
    removeDir(programmeDir);
  });

  /** The programme text with one side-event row cut from its day and pasted under another day. */
  function moveRow(fragment: string, toHeader: string): string {
    const lines = text.split('\n');
    const from = lines.findIndex((l) => l.includes(fragment));
    const [row] = lines.splice(from, 1);
    // The last header of that day: the first ones head the plenary overview.
    const header = lines.map((l) => l.trim()).lastIndexOf(toHeader);
    const firstRow = lines.findIndex((l, i) => i > header && l.includes('\t'));
    lines.splice(firstRow, 0, row!);
    return lines.join('\n');
  }

  it('reports a session moved to another day as retimed, keeping its id, not as cancelled plus new', async () => {
    const live = programmeService.schedule().sessions.find((s) => s.title.startsWith('GUARDIANS OF THE EARTH'))!;
    expect(live.start).toBe('2024-10-14T13:00:00+02:00');

    const plan = planImport(
      programmeService.schedule(),
      readSchedule(moveRow('GUARDIANS OF THE EARTH', 'TUESDAY, 15 OCTOBER')),
    );
    expect(plan.added).toEqual([]);
    expect(plan.removed).toEqual([]);
    expect(plan.moved).toEqual([]);
    expect(plan.retimed.map((c) => [c.id, c.matchedBy, c.fields, c.after.start])).toEqual([
      [live.id, 'title', ['start', 'end'], '2024-10-15T13:00:00+02:00'],
    ]);
    expect(plan.unchanged).toBe(programmeService.schedule().sessions.length - 1);

    await programmeService.applyImport(plan, staff);
    expect(sessionOf(programmeService, live.id)).toMatchObject({
      start: '2024-10-15T13:00:00+02:00',
      planned: { start: live.start },
      status: 'scheduled',
    });
  });

  it('matches across days only by a title unique on both sides; otherwise it adds and cancels', async () => {
    const onWednesday = (s: Session, id: string): Session => ({
      ...s,
      id,
      start: at('10:00', '16'),
      end: at('11:00', '16'),
    });
    // Two live sessions share a title: the file's one session of that title could be either.
    await service.updateSession('cyber', { title: 'Opening' }, staff);
    const liveTwins = fileOf(
      'csv',
      edited((sessions) => [
        ...sessions.filter((s) => s.id !== 'opening' && s.id !== 'cyber'),
        onWednesday(
          sessions.find((s) => s.id === 'opening')!,
          'opening-wed',
        ),
      ]),
    );
    const first = planImport(service.schedule(), liveTwins);
    expect([ids(first.added), ids(first.removed)]).toEqual([['opening-wed'], ['cyber', 'opening']]);

    // The file has the title twice: neither copy is evidence that the live one moved.
    const fileTwins = fileOf(
      'csv',
      edited((sessions) => {
        const lunch = sessions.find((s) => s.id === 'lunch')!;
        return [
          ...sessions.filter((s) => s !== lunch),
          onWednesday(lunch, 'lunch-a'),
          { ...onWednesday(lunch, 'lunch-b'), venueId: 'M7' },
        ];
      }),
    );
    const second = planImport(service.schedule(), fileTwins);
    expect([ids(second.added), ids(second.removed)]).toEqual([['lunch-a', 'lunch-b'], ['lunch']]);

    // A unique title on both sides is matched, even to another day and room.
    const unique = fileOf(
      'csv',
      edited((sessions) =>
        sessions.map((s) => (s.id === 'lunch' ? { ...onWednesday(s, 'lunch-wed'), venueId: 'M7' } : s)),
      ),
    );
    const third = planImport(service.schedule(), unique);
    expect([third.added, third.removed]).toEqual([[], []]);
    expect(third.moved.map((c) => [c.id, c.matchedBy, c.fields])).toEqual([
      ['lunch', 'title', ['start', 'end', 'venueId']],
    ]);
  });
});
