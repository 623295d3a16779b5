/**
 * The schedule model. Each zod schema is the single definition of a shape: it validates at runtime
 * (server input, imports, stored rows) and gives the TypeScript type through z.infer.
 * Browsers import only the types (`import type`), so zod stays out of the display bundle.
 */
import { z } from 'zod';
import { LOBBY, SCHEDULE_ID_PATTERN, VENUE_ID_PATTERN } from './id-rules.ts';

export { LOBBY };

/** ISO 8601 date-time with an explicit offset, e.g. 2024-10-14T13:00:00+02:00. */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** Short, URL-safe id derived from a venue name: CR3, M0E79, Plenary-Hall. */
export const VenueId = z.string().regex(VENUE_ID_PATTERN, 'must be a short URL-safe id');

export const VenueSchema = z.strictObject({
  id: VenueId,
  name: z.string().trim().min(1).max(200),
  kind: z.enum(['room', 'online']),
  /** Where it is, for people who don't know the venue: "C-Building", "1st floor", "turn left". */
  building: z.string().trim().min(1).max(100).optional(),
  floor: z.string().trim().min(1).max(100).optional(),
  directions: z.string().trim().min(1).max(200).optional(),
});
export type Venue = z.infer<typeof VenueSchema>;

export const OrganizersSchema = z.strictObject({
  lead: z.string().max(500),
  partners: z.array(z.string().max(500)).max(200),
});
export type Organizers = z.infer<typeof OrganizersSchema>;

export const OnlineDetailsSchema = z.strictObject({
  meetingId: z.string().max(100).optional(),
  passcode: z.string().max(100).optional(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  /** Passcodes stay off public screens unless staff choose otherwise. */
  showPasscode: z.boolean().optional(),
});
export type OnlineDetails = z.infer<typeof OnlineDetailsSchema>;

export const AgendaItemSchema = z.strictObject({
  code: z.string().min(1).max(50),
  title: z.string().max(1000),
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

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
  id: z.string().min(1).max(100),
  kind: SessionKind,
  title: z.string().trim().min(1).max(1000),
  start: IsoDateTime,
  end: IsoDateTime,
  venueId: VenueId,
  organizers: OrganizersSchema,
  online: OnlineDetailsSchema.optional(),
  agendaItems: z.array(AgendaItemSchema).max(100).optional(),
  /** Code of the agenda item under discussion now (plenary), set by staff. */
  currentAgendaItem: z.string().max(50).optional(),
  status: SessionStatus,
  planned: PlannedSchema,
  /** Increases on every change to this session; clients send it back as expectedVersion. */
  version: z.number().int().min(1),
});
export type Session = z.infer<typeof SessionSchema>;

export const AnnouncementSchema = z.strictObject({
  id: z.string().min(1).max(100),
  text: z.string().trim().min(1).max(1000),
  severity: z.enum(['info', 'urgent']),
  /** No venueIds: every screen. The lobby is addressed with the pseudo-venue id "lobby". */
  venueIds: z.array(VenueId).max(200).optional(),
  /** Shown from this instant on (screens decide it themselves, also offline); absent: at once. */
  startsAt: IsoDateTime.optional(),
  expiresAt: IsoDateTime.optional(),
});
export type Announcement = z.infer<typeof AnnouncementSchema>;

export const EmergencySchema = z.strictObject({
  text: z.string().trim().min(1).max(1000),
  since: IsoDateTime,
});
export type Emergency = z.infer<typeof EmergencySchema>;

/** The conference a schedule file names (c3voc, frab): kept so an export can give it back. */
export const ConferenceSchema = z.strictObject({
  title: z.string().trim().min(1).max(500).optional(),
  acronym: z.string().trim().min(1).max(100).optional(),
  /** Venue-local "HH:MM" at which one festival day ends and the next begins (e.g. 04:00). */
  dayChange: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .optional(),
});
export type Conference = z.infer<typeof ConferenceSchema>;

/** How screens and the panel show titles: as the source wrote them, or all-caps ones in title case. */
export const TitleStyleSchema = z.enum(['as-written', 'title-case']);

/** Schedule-wide display settings staff choose in the panel (journalled like any change). */
export const ScheduleSettingsSchema = z.strictObject({
  /** Absent: title case (the default for all-caps sources). */
  titleStyle: TitleStyleSchema.optional(),
});
export type ScheduleSettings = z.infer<typeof ScheduleSettingsSchema>;

/** What the importers produce: a schedule without live state. */
export const ProgrammeSchema = z.strictObject({
  timezone: z.string().min(1),
  venues: z.array(VenueSchema),
  sessions: z.array(SessionSchema),
  conference: ConferenceSchema.optional(),
});
export type Programme = z.infer<typeof ProgrammeSchema>;

/** The live schedule as served by GET /api/schedule and held by every screen. */
export const ScheduleSchema = z.strictObject({
  revision: z.number().int().min(0),
  /**
   * Random id made when the data directory was seeded: revisions only compare within one
   * schedule (a wiped or re-seeded directory starts counting again). Always set by the server.
   */
  scheduleId: z.string().regex(SCHEDULE_ID_PATTERN).optional(),
  timezone: z.string().min(1),
  venues: z.array(VenueSchema),
  sessions: z.array(SessionSchema),
  announcements: z.array(AnnouncementSchema),
  emergency: EmergencySchema.nullable(),
  conference: ConferenceSchema.optional(),
  settings: ScheduleSettingsSchema.optional(),
});
export type Schedule = z.infer<typeof ScheduleSchema>;
