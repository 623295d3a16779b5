import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  AnnouncementInputSchema,
  DelayInputSchema,
  EmergencyInputSchema,
  NewSessionInputSchema,
  SessionPatchSchema,
  formatZodError,
} from '../../shared/commands.ts';

/** The { error, field } a 400 answer would carry for this input. */
function problem(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return formatZodError(result.error);
}

describe('SessionPatch', () => {
  it('accepts times with or without an offset', () => {
    for (const start of [
      '2024-10-14T13:00',
      '2024-10-14T13:00:00',
      '2024-10-14T13:00:00+02:00',
      '2024-10-14T11:00:00Z',
    ]) {
      expect(SessionPatchSchema.parse({ start })).toEqual({ start });
    }
  });

  it('accepts offsets up to ±14:00 and years 2000–2100, in every way an offset may be written', () => {
    for (const start of [
      '2024-10-14T13:00+14:00',
      '2024-10-14T13:00-12',
      '2024-10-14T13:00:00.5+0545',
      '2000-01-01T00:00',
      '2100-12-31T23:59Z',
    ]) {
      expect(SessionPatchSchema.parse({ start })).toEqual({ start });
    }
  });

  it('refuses absurd offsets and years, naming the field', () => {
    for (const start of [
      '2024-10-14T13:00+99:00',
      '2024-10-14T13:00+14:30',
      '2024-10-14T13:00-15',
      '2024-10-14T13:00+0260',
    ]) {
      expect(problem(SessionPatchSchema, { start })).toEqual({
        field: 'start',
        error: 'start: the offset must lie between -14:00 and +14:00',
      });
    }
    for (const end of ['0000-10-14T13:00', '1999-12-31T23:59', '2101-01-01T00:00+01:00']) {
      expect(problem(SessionPatchSchema, { end })).toEqual({
        field: 'end',
        error: 'end: the year must lie between 2000 and 2100',
      });
    }
    expect(problem(AnnouncementInputSchema, { text: 'x', expiresAt: '9999-01-01T00:00' })).toMatchObject({
      field: 'expiresAt',
    });
  });

  it('names the bad field, nested ones by their path', () => {
    expect(problem(SessionPatchSchema, { start: '14 Oct 13:00' })).toMatchObject({ field: 'start' });
    expect(problem(SessionPatchSchema, { end: '2024-02-30T10:00' })).toEqual({
      field: 'end',
      error: 'end: is not a real date and time',
    });
    expect(problem(SessionPatchSchema, { organizers: { lead: 7, partners: [] } })).toMatchObject({
      field: 'organizers.lead',
    });
    expect(problem(SessionPatchSchema, { agendaItems: [{ code: '', title: 'x' }] })).toMatchObject({
      field: 'agendaItems.0.code',
    });
    expect(problem(SessionPatchSchema, { status: 'postponed' })).toMatchObject({ field: 'status' });
    expect(problem(SessionPatchSchema, { title: 'x', expectedVersion: 1.5 })).toMatchObject({
      field: 'expectedVersion',
    });
  });

  it('rejects unknown fields, nested ones too', () => {
    expect(problem(SessionPatchSchema, { title: 'x', room: 'CR3' })).toEqual({
      field: 'room',
      error: 'room: unknown field',
      code: 'field.unknown',
      params: { field: 'room' },
    });
    expect(problem(SessionPatchSchema, { organizers: { lead: 'a', partners: [], extra: 1 } })).toMatchObject({
      field: 'organizers.extra',
    });
  });

  it('needs at least one field to change', () => {
    const { error, field } = problem(SessionPatchSchema, { expectedVersion: 3, force: true });
    expect(field).toBeUndefined();
    expect(error).toMatch(/must change at least one of: title, venueId/);
  });

  it('accepts null to clear the current agenda item', () => {
    expect(SessionPatchSchema.parse({ currentAgendaItem: null })).toEqual({ currentAgendaItem: null });
  });
});

describe('NewSessionInput', () => {
  const valid = { title: 'Talk', venueId: 'CR3', start: '2024-10-14T13:00', end: '2024-10-14T14:00' };

  it('requires title, venue and times, trimming the title', () => {
    expect(NewSessionInputSchema.parse({ ...valid, title: '  Talk ' }).title).toBe('Talk');
    expect(problem(NewSessionInputSchema, { ...valid, title: '   ' })).toMatchObject({ field: 'title' });
    const { venueId: _venueId, ...noVenue } = valid;
    expect(problem(NewSessionInputSchema, noVenue)).toMatchObject({ field: 'venueId' });
    expect(problem(NewSessionInputSchema, { ...valid, id: 'has space' })).toMatchObject({ field: 'id' });
  });
});

describe('DelayInput', () => {
  it('takes whole, non-zero minutes within range', () => {
    expect(DelayInputSchema.parse({ minutes: -240, shiftFollowing: true })).toEqual({
      minutes: -240,
      shiftFollowing: true,
    });
    for (const minutes of [0, 1.5, 1441, -241, '15']) {
      expect(problem(DelayInputSchema, { minutes })).toMatchObject({ field: 'minutes' });
    }
  });
});

describe('AnnouncementInput and EmergencyInput', () => {
  it('defaults severity to info and refuses both expiry forms at once', () => {
    expect(AnnouncementInputSchema.parse({ text: 'Hi' })).toEqual({ text: 'Hi', severity: 'info' });
    expect(
      problem(AnnouncementInputSchema, { text: 'Hi', expiresAt: '2024-10-14T13:00', expiresInMinutes: 5 }),
    ).toMatchObject({
      field: 'expiresInMinutes',
    });
    expect(problem(AnnouncementInputSchema, { text: 'Hi', venueIds: ['CR 3'] })).toMatchObject({ field: 'venueIds.0' });
    expect(problem(AnnouncementInputSchema, { text: 'Hi', severity: 'panic' })).toMatchObject({ field: 'severity' });
  });

  it('needs emergency text', () => {
    expect(problem(EmergencyInputSchema, { text: '' })).toMatchObject({ field: 'text' });
    expect(problem(EmergencyInputSchema, {})).toMatchObject({ field: 'text' });
  });
});
