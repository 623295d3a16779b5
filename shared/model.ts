/**
 * The schedule model. Each zod schema is the single definition of a shape: it validates at runtime
 * (server input, imports, stored rows, and the state a screen saved in localStorage) and gives the
 * TypeScript type through z.infer.
 *
 * Written in zod/mini (functions instead of methods) so that the door display can load these very
 * schemas as a small lazy chunk (display/data/stored-state-check.ts) instead of the ~90 KB gzip of
 * zod classic. The checks are the same core checks classic's methods add (`.min(1)` on a string is
 * `minLength(1)`, `.int()` is `int()`), so the server's 400 messages do not change: the server
 * imports zod classic elsewhere, which installs the English messages for every schema.
 * Components still import only the types (`import type`).
 */
import * as z from 'zod/mini';
import { LOBBY, SCHEDULE_ID_PATTERN, VENUE_ID_PATTERN } from './id-rules.ts';
import { LANGUAGES, isLanguage, type Language } from './languages.ts';

export { LOBBY };

/** ISO 8601 date-time with an explicit offset, e.g. 2024-10-14T13:00:00+02:00. */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** Short, URL-safe id derived from a venue name: CR3, M0E79, Plenary-Hall. */
export const VenueId = z.string().check(z.regex(VENUE_ID_PATTERN, 'must be a short URL-safe id'));

export const VenueSchema = z.strictObject({
  id: VenueId,
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  kind: z.enum(['room', 'online']),
  /** Where it is, for people who don't know the venue: "C-Building", "1st floor", "turn left". */
  building: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
  floor: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
  directions: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
});
export type Venue = z.infer<typeof VenueSchema>;

export const OrganizersSchema = z.strictObject({
  lead: z.string().check(z.maxLength(500)),
  partners: z.array(z.string().check(z.maxLength(500))).check(z.maxLength(200)),
});
export type Organizers = z.infer<typeof OrganizersSchema>;

export const OnlineDetailsSchema = z.strictObject({
  meetingId: z.optional(z.string().check(z.maxLength(100))),
  passcode: z.optional(z.string().check(z.maxLength(100))),
  url: z.optional(z.url({ protocol: /^https?$/ }).check(z.maxLength(2000))),
  /** Passcodes stay off public screens unless staff choose otherwise. */
  showPasscode: z.optional(z.boolean()),
});
export type OnlineDetails = z.infer<typeof OnlineDetailsSchema>;

/** A translated title or text, with the original's limits (trimmed, 1–1000 characters). */
const TranslatedText = z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(1000));

/**
 * Content in several languages: `{ fr: {...}, ar: {...} }`, keyed by our language codes. A key
 * that is not one of them is named in the error ("translations.xx: is not one of …"), which the
 * enum-keyed record alone would report as an unknown key of the whole object.
 */
function translationsOf<T extends z.ZodMiniType>(entry: T) {
  const languageKeys = z.record(z.string(), z.unknown()).check(
    z.superRefine((value, ctx) => {
      for (const key of Object.keys(value)) {
        if (isLanguage(key)) continue;
        ctx.issues.push({
          code: 'custom',
          path: [key],
          message: `is not one of the languages ${LANGUAGES.join(', ')}`,
          input: key,
        });
      }
    }),
  );
  return z.pipe(languageKeys, z.partialRecord(z.enum(LANGUAGES), entry));
}

/** What a session (or a plenary's agenda item) says in another language; a field left out is shown as the original. */
export const SessionTranslationSchema = z.strictObject({ title: TranslatedText });
export type SessionTranslation = z.infer<typeof SessionTranslationSchema>;
export const SessionTranslationsSchema = translationsOf(SessionTranslationSchema);

export const AgendaItemSchema = z.strictObject({
  code: z.string().check(z.minLength(1), z.maxLength(50)),
  title: z.string().check(z.maxLength(1000)),
  /** The item's title in other languages: the same shape and limits as a session's. */
  translations: z.optional(SessionTranslationsSchema),
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

export const TextTranslationSchema = z.strictObject({ text: TranslatedText });
export const TextTranslationsSchema = translationsOf(TextTranslationSchema);

/** `{ fr: { title } }`: only some languages, each as the entry's schema. */
export type Translations<T> = Partial<Record<Language, T>>;

export const SessionKind = z.enum(['plenary', 'side-event', 'exhibition', 'other']);
export const SessionStatus = z.enum(['scheduled', 'cancelled']);

/** Where and when a session was first published: screens compare against it to say "moved", "delayed". */
export const PlannedSchema = z.strictObject({
  start: IsoDateTime,
  end: IsoDateTime,
  venueId: VenueId,
});
export type Planned = z.infer<typeof PlannedSchema>;

export const SessionSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  kind: SessionKind,
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(1000)),
  /** The title in other languages, where staff or the source give one (shared/translations.ts chooses). */
  translations: z.optional(SessionTranslationsSchema),
  start: IsoDateTime,
  end: IsoDateTime,
  venueId: VenueId,
  organizers: OrganizersSchema,
  online: z.optional(OnlineDetailsSchema),
  agendaItems: z.optional(z.array(AgendaItemSchema).check(z.maxLength(100))),
  /** Code of the agenda item under discussion now (plenary), set by staff. */
  currentAgendaItem: z.optional(z.string().check(z.maxLength(50))),
  status: SessionStatus,
  planned: PlannedSchema,
  /** Increases on every change to this session; clients send it back as expectedVersion. */
  version: z.number().check(z.int(), z.gte(1)),
});
export type Session = z.infer<typeof SessionSchema>;

export const AnnouncementSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(1000)),
  translations: z.optional(TextTranslationsSchema),
  severity: z.enum(['info', 'urgent']),
  /** No venueIds: every screen. The lobby is addressed with the pseudo-venue id "lobby". */
  venueIds: z.optional(z.array(VenueId).check(z.maxLength(200))),
  /** Shown from this instant on (screens decide it themselves, also offline); absent: at once. */
  startsAt: z.optional(IsoDateTime),
  expiresAt: z.optional(IsoDateTime),
});
export type Announcement = z.infer<typeof AnnouncementSchema>;

export const EmergencySchema = z.strictObject({
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(1000)),
  /** The text in other languages staff gave (or a prepared message's wording); each screen shows its own. */
  translations: z.optional(TextTranslationsSchema),
  since: IsoDateTime,
});
export type Emergency = z.infer<typeof EmergencySchema>;

/** The conference a schedule file names (c3voc, frab): kept so an export can give it back. */
export const ConferenceSchema = z.strictObject({
  title: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
  acronym: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
  /** Venue-local "HH:MM" at which one festival day ends and the next begins (e.g. 04:00). */
  dayChange: z.optional(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/))),
});
export type Conference = z.infer<typeof ConferenceSchema>;

/** How screens and the panel show titles: as the source wrote them, or all-caps ones in title case. */
export const TitleStyleSchema = z.enum(['as-written', 'title-case']);
export type TitleStyle = z.infer<typeof TitleStyleSchema>;

/** Schedule-wide display settings staff choose in the panel (journalled like any change). */
export const ScheduleSettingsSchema = z.strictObject({
  /** Absent: title case (the default for all-caps sources). */
  titleStyle: z.optional(TitleStyleSchema),
});
export type ScheduleSettings = z.infer<typeof ScheduleSettingsSchema>;

/** What the importers produce: a schedule without live state. */
export const ProgrammeSchema = z.strictObject({
  timezone: z.string().check(z.minLength(1)),
  venues: z.array(VenueSchema),
  sessions: z.array(SessionSchema),
  conference: z.optional(ConferenceSchema),
});
export type Programme = z.infer<typeof ProgrammeSchema>;

/** The live schedule as served by GET /api/schedule and held by every screen. */
export const ScheduleSchema = z.strictObject({
  revision: z.number().check(z.int(), z.gte(0)),
  /**
   * Random id made when the data directory was seeded: revisions only compare within one
   * schedule (a wiped or re-seeded directory starts counting again). Always set by the server.
   */
  scheduleId: z.optional(z.string().check(z.regex(SCHEDULE_ID_PATTERN))),
  timezone: z.string().check(z.minLength(1)),
  venues: z.array(VenueSchema),
  sessions: z.array(SessionSchema),
  announcements: z.array(AnnouncementSchema),
  emergency: z.nullable(EmergencySchema),
  conference: z.optional(ConferenceSchema),
  settings: z.optional(ScheduleSettingsSchema),
});
export type Schedule = z.infer<typeof ScheduleSchema>;
