/**
 * The write commands staff send (REST bodies, control-panel forms). The HTTP layer validates each
 * body with these schemas before calling the domain service; the control panel imports only the
 * types. The schemas check shape; the service checks what needs the live schedule (venues exist,
 * clashes, versions) and turns times into canonical venue ISO.
 */
import { z } from 'zod';
import { LANGUAGES, type Language } from './languages.ts';
import {
  AgendaItemSchema,
  OnlineDetailsSchema,
  OrganizersSchema,
  SessionKind,
  SessionStatus,
  SessionTranslationsSchema,
  TextTranslationsSchema,
  TitleStyleSchema,
  VenueId,
  VenueSchema,
} from './model.ts';
import { isIsoDateTime } from './time-parse.ts';

/**
 * A date-time as staff type it: with an offset (2024-10-14T13:00:00+02:00, Z) or without one,
 * which then means venue time (2024-10-14T13:00). Seconds and fractions are optional.
 */
const TIME_INPUT =
  /^(?<year>\d{4})-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(?<offset>Z|(?<sign>[+-])(?<hh>\d{2})(:?(?<mm>\d{2}))?)?$/;

/**
 * Bounds that catch typos rather than describe the calendar: this is a schedule, so its times
 * lie in this century (2000–2100), and its offsets are those real zones use (UTC−12 to UTC+14).
 * "+99:00" or year 0000 would otherwise parse and put a session where no screen ever shows it.
 */
const YEARS = { min: 2000, max: 2100 };
const MAX_OFFSET_MINUTES = 14 * 60;

function yearInRange(text: string): boolean {
  const year = TIME_INPUT.exec(text)?.groups?.year;
  // Not our concern when the shape is wrong: the regex reports that.
  return year === undefined || (Number(year) >= YEARS.min && Number(year) <= YEARS.max);
}

function offsetInRange(text: string): boolean {
  const groups = TIME_INPUT.exec(text)?.groups;
  if (!groups?.sign) return true;
  const minutes = Number(groups.mm ?? '0');
  return minutes < 60 && Number(groups.hh) * 60 + minutes <= MAX_OFFSET_MINUTES;
}

export const TimeInput = z
  .string()
  .regex(TIME_INPUT, 'must be an ISO date-time such as 2024-10-14T13:00 (venue time) or with an offset')
  .refine(yearInRange, `the year must lie between ${YEARS.min} and ${YEARS.max}`)
  .refine(offsetInRange, 'the offset must lie between -14:00 and +14:00')
  // The regex lets 2024-13-45T25:99 through; luxon knows the calendar.
  .refine(isIsoDateTime, 'is not a real date and time');

/** A session title: the panel checks it with this same schema as the server, so they never disagree. */
export const TITLE_MAX_LENGTH = 1000;
export const Title = z.string().trim().min(1, 'must not be empty').max(TITLE_MAX_LENGTH);
const Version = z.int().min(1);

/** The fields of a session staff may edit; null clears an optional one. */
const editableSessionFields = {
  title: Title.optional(),
  venueId: z.optional(VenueId),
  start: TimeInput.optional(),
  end: TimeInput.optional(),
  status: z.optional(SessionStatus),
  kind: z.optional(SessionKind),
  organizers: z.optional(OrganizersSchema),
  online: z.nullable(OnlineDetailsSchema).optional(),
  agendaItems: z.array(AgendaItemSchema).max(100).nullable().optional(),
  currentAgendaItem: z.string().max(50).nullable().optional(),
  /** Replaces the whole set; null or {} removes every translation. */
  translations: z.nullable(SessionTranslationsSchema).optional(),
};

const EDITABLE_KEYS = Object.keys(editableSessionFields);

export const SessionPatchSchema = z
  .strictObject({
    ...editableSessionFields,
    /** The version the client edited; a newer one on the server makes the patch stale (409). */
    expectedVersion: Version.optional(),
    /** Accept a room clash knowingly. */
    force: z.boolean().optional(),
  })
  .refine((patch) => EDITABLE_KEYS.some((key) => key in patch), {
    message: `must change at least one of: ${EDITABLE_KEYS.join(', ')}`,
  });
export type SessionPatch = z.infer<typeof SessionPatchSchema>;

export const NewSessionInputSchema = z.strictObject({
  /** Optional: the service derives one from the title when absent. */
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, 'must be letters, digits, - or _')
    .optional(),
  title: Title,
  translations: z.optional(SessionTranslationsSchema),
  venueId: VenueId,
  start: TimeInput,
  end: TimeInput,
  kind: z.optional(SessionKind),
  organizers: z.optional(OrganizersSchema),
  online: z.optional(OnlineDetailsSchema),
  agendaItems: z.array(AgendaItemSchema).max(100).optional(),
  force: z.boolean().optional(),
});
export type NewSessionInput = z.infer<typeof NewSessionInputSchema>;

export const DelayInputSchema = z.strictObject({
  /** Positive: later; negative: earlier. A day at most, four hours back at most. */
  minutes: z
    .int('must be a whole number of minutes')
    .min(-240)
    .max(1440)
    .refine((m) => m !== 0, 'must not be zero'),
  /** Also shift the later sessions of the same room that day. */
  shiftFollowing: z.boolean().optional(),
  expectedVersion: Version.optional(),
  force: z.boolean().optional(),
});
export type DelayInput = z.infer<typeof DelayInputSchema>;

export const UndoInputSchema = z.strictObject({
  /** Undo even though the restored session now shares a room with another (the only refusal it lifts). */
  force: z.boolean().optional(),
});
export type UndoInput = z.infer<typeof UndoInputSchema>;

export const AnnouncementInputSchema = z
  .strictObject({
    text: z.string().trim().min(1, 'must not be empty').max(1000),
    translations: z.optional(TextTranslationsSchema),
    severity: z.enum(['info', 'urgent']).default('info'),
    /** Venue ids or "lobby"; absent means every screen. */
    venueIds: z.array(VenueId).min(1).max(200).optional(),
    /** Scheduled: shown from then on (absent: at once). */
    startsAt: TimeInput.optional(),
    /** Must lie in the future and after startsAt (checked by the service, which owns the clock). */
    expiresAt: TimeInput.optional(),
    /** Counted from startsAt when there is one, else from now. */
    expiresInMinutes: z
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .optional(),
  })
  .refine((a) => a.expiresAt === undefined || a.expiresInMinutes === undefined, {
    message: 'give either expiresAt or expiresInMinutes, not both',
    path: ['expiresInMinutes'],
  });
/** What callers send (severity may be left out). */
export type AnnouncementInput = z.input<typeof AnnouncementInputSchema>;

export const EmergencyInputSchema = z.strictObject({
  text: z.string().trim().min(1, 'must not be empty').max(1000),
  /** The text in other languages (`{ fr: { text } }`), each screen showing its own; null or {} for none. */
  translations: z.nullable(TextTranslationsSchema).optional(),
});
export type EmergencyInput = z.infer<typeof EmergencyInputSchema>;

/** A prepared emergency message: `PUT /api/emergency/templates/:id` edits its label and text. */
export const EmergencyTemplateInputSchema = z.strictObject({
  label: z.string().trim().min(1, 'must not be empty').max(60),
  text: z.string().trim().min(1, 'must not be empty').max(1000),
  /** Which language's wording this is; English (the template's own label and text) when absent. */
  language: z.optional(z.enum(LANGUAGES)),
});
export interface TemplateWording {
  label: string;
  text: string;
}
export interface EmergencyTemplate {
  id: string;
  /** The English wording (what migration 5 seeded, or what staff made of it). */
  label: string;
  text: string;
  /** The wording in every language it has one: staff's edit, else the built-in; `en` is label and text. */
  wording: Partial<Record<Language, TemplateWording>>;
}

/** The venue fields staff may edit (`PATCH /api/venues/:id`); null clears an optional one. */
const editableVenueFields = {
  name: z.optional(VenueSchema.shape.name),
  building: z.nullable(VenueSchema.shape.building),
  floor: z.nullable(VenueSchema.shape.floor),
  directions: z.nullable(VenueSchema.shape.directions),
};
const VENUE_KEYS = Object.keys(editableVenueFields);

export const VenuePatchSchema = z
  .strictObject(editableVenueFields)
  .refine((patch) => VENUE_KEYS.some((key) => key in patch), {
    message: `must change at least one of: ${VENUE_KEYS.join(', ')}`,
  });
export type VenuePatch = z.infer<typeof VenuePatchSchema>;

/** `PATCH /api/settings`: the schedule-wide display settings. */
export const SettingsPatchSchema = z.strictObject({ titleStyle: TitleStyleSchema });
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** The message of the first problem of one field's value under its schema, or null when it is fine. */
export function fieldProblem(schema: z.core.$ZodType, value: unknown): string | null {
  // z.safeParse, not schema.safeParse: the model's schemas are zod/mini ones.
  const result = z.safeParse(schema, value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'is not valid');
}

/**
 * The codes of the common 400 answers, which the panel words in its reader's language from
 * `params` (`field`, and `maximum` or `minimum`); any other refusal keeps only its English `error`.
 */
export type FieldErrorCode =
  | 'field.missing'
  | 'field.wrong-type'
  | 'field.empty'
  | 'field.too-long'
  | 'field.too-short'
  | 'field.too-large'
  | 'field.too-small'
  | 'field.unknown'
  | 'field.invalid';

/** The body of a 400 answer: the first problem, named by the field it is about. */
export interface CommandError {
  error: string;
  field?: string;
  code?: FieldErrorCode;
  params?: { field: string; maximum?: number; minimum?: number };
}

const NUMERIC_ORIGINS = new Set(['number', 'int', 'bigint']);

/**
 * The code of a zod issue, when a generic wording says all it says. A refinement's own message
 * ("must end after it starts") or a list of allowed values has none: the English text is kept.
 */
function issueCode(issue: z.core.$ZodIssue): Pick<CommandError, 'code'> & { bound?: number } {
  switch (issue.code) {
    case 'invalid_type':
      // zod reports what it got in its message only; "undefined" means the field was left out.
      return { code: /received undefined$/.test(issue.message) ? 'field.missing' : 'field.wrong-type' };
    case 'invalid_format':
      return { code: 'field.invalid' };
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const bound = Number(big ? issue.maximum : issue.minimum);
      // "more than 0" is not "at least 0": exclusive bounds keep their English message.
      if (issue.inclusive === false || !Number.isFinite(bound)) return {};
      if (issue.origin === 'string') {
        if (!big && bound === 1) return { code: 'field.empty' };
        return { code: big ? 'field.too-long' : 'field.too-short', bound };
      }
      if (NUMERIC_ORIGINS.has(issue.origin)) return { code: big ? 'field.too-large' : 'field.too-small', bound };
      return {};
    }
    default:
      return {};
  }
}

/**
 * Turns a zod error into one readable message naming the first bad field by its dotted path
 * ("start", "organizers.lead", "agendaItems.0.code"), with a code for the common problems.
 */
export function formatZodError(error: z.ZodError): CommandError {
  const issue = error.issues[0];
  if (!issue) return { error: 'invalid input' };
  if (issue.code === 'unrecognized_keys') {
    const key = [...issue.path, issue.keys[0]].join('.');
    return { error: `${key}: unknown field`, field: key, code: 'field.unknown', params: { field: key } };
  }
  const field = issue.path.map(String).join('.');
  if (!field) return { error: issue.message };
  const { code, bound } = issueCode(issue);
  if (!code) return { error: `${field}: ${issue.message}`, field };
  const limit = bound === undefined ? {} : issue.code === 'too_big' ? { maximum: bound } : { minimum: bound };
  return { error: `${field}: ${issue.message}`, field, code, params: { field, ...limit } };
}
