/**
 * What a journal sentence says, as data: each change carries the values its sentence needs
 * (titles, rooms, times, minutes, texts), so the panel words it in the reader's language while
 * the stored English `summary` stays for logs, the CLI and entries older than these parameters.
 * One schema for the server (which writes and reads them back from the database) and the panel
 * (which formats them through its catalogue).
 */
import * as z from 'zod/mini';
import { IsoDateTime, TitleStyleSchema } from './model.ts';

/** Session fields an edit can touch besides place, time, status and title. */
export const EDITED_SESSION_FIELDS = ['kind', 'organizers', 'online', 'agendaItems', 'currentAgendaItem'] as const;
export type EditedSessionField = (typeof EDITED_SESSION_FIELDS)[number];

export const EDITED_VENUE_FIELDS = ['name', 'building', 'floor', 'directions'] as const;
export type EditedVenueField = (typeof EDITED_VENUE_FIELDS)[number];

const Count = z.number().check(z.int(), z.gte(0));

/** A session where and when it is (creation, deletion). */
const placedSession = {
  title: z.string(),
  venueId: z.string(),
  start: IsoDateTime,
  end: IsoDateTime,
};

const SessionCreateParams = z.object({ op: z.literal('session.create'), ...placedSession });
const SessionDeleteParams = z.object({ op: z.literal('session.delete'), ...placedSession });

/** Any edit of one session (cancel, reinstate, move, retime, rename, other fields): its parts, in order. */
const SessionEditParams = z.object({
  op: z.literal('session.edit'),
  title: z.string(),
  status: z.optional(z.enum(['cancelled', 'scheduled'])),
  move: z.optional(z.object({ from: z.string(), to: z.string() })),
  slot: z.optional(z.object({ start: IsoDateTime, end: IsoDateTime, wasStart: IsoDateTime, wasEnd: IsoDateTime })),
  renamedFrom: z.optional(z.string()),
  fields: z.array(z.enum(EDITED_SESSION_FIELDS)),
});

const SessionDelayParams = z.object({
  op: z.literal('session.delay'),
  title: z.string(),
  /** Negative when brought forward. */
  minutes: z.number().check(z.int()),
  /** The new start. */
  start: IsoDateTime,
  venueId: z.string(),
  /** How many of the room's later sessions moved with it. */
  following: Count,
});

const Severity = z.enum(['info', 'urgent']);

const AnnouncementCreateParams = z.object({
  op: z.literal('announcement.create'),
  severity: Severity,
  text: z.string(),
  venueIds: z.optional(z.array(z.string())),
  startsAt: z.optional(IsoDateTime),
  expiresAt: z.optional(IsoDateTime),
});

const AnnouncementDeleteParams = z.object({
  op: z.literal('announcement.delete'),
  severity: Severity,
  text: z.string(),
});
const AnnouncementExpireParams = z.object({ op: z.literal('announcement.expire'), texts: z.array(z.string()) });

const EmergencySetParams = z.object({
  op: z.literal('emergency.set'),
  text: z.string(),
  changed: z.boolean(),
  /** The languages the message was also given in (absent: only its own). */
  languages: z.optional(z.array(z.string())),
});
const EmergencyClearParams = z.object({ op: z.literal('emergency.clear') });

const ScheduleImportParams = z.object({
  op: z.literal('schedule.import'),
  added: Count,
  cancelled: Count,
  moved: Count,
  retimed: Count,
  changed: Count,
  venuesAdded: Count,
  conference: z.boolean(),
});

const SettingsUpdateParams = z.object({ op: z.literal('settings.update'), titleStyle: TitleStyleSchema });

const VenueUpdateParams = z.object({
  op: z.literal('venue.update'),
  venueId: z.string(),
  /** Each changed field with its new value; null = cleared. */
  fields: z.array(z.object({ field: z.enum(EDITED_VENUE_FIELDS), value: z.nullable(z.string()) })),
});

const Role = z.enum(['viewer', 'editor', 'admin']);

/** An account added by an admin, or at a person's first single sign-on (`sso`). */
const AccountAddParams = z.object({
  op: z.literal('account.add'),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  emergency: z.boolean(),
  sso: z.boolean(),
});

/** An account's grant, name or enabled state changed (by an admin, or by the sign-in provider: `sso`). */
const AccountChangeParams = z.object({
  op: z.literal('account.change'),
  username: z.string(),
  grant: z.optional(z.object({ role: Role, emergency: z.boolean() })),
  displayName: z.optional(z.string()),
  disabled: z.optional(z.boolean()),
  sso: z.boolean(),
});

const AccountResetParams = z.object({ op: z.literal('account.reset'), username: z.string() });
const AccountPasswordParams = z.object({ op: z.literal('account.password'), username: z.string() });

/** Every sentence but "Undid: …", which wraps one of these. */
const CHANGE_PARAMS = [
  SessionCreateParams,
  SessionDeleteParams,
  SessionEditParams,
  SessionDelayParams,
  AnnouncementCreateParams,
  AnnouncementDeleteParams,
  AnnouncementExpireParams,
  EmergencySetParams,
  EmergencyClearParams,
  ScheduleImportParams,
  SettingsUpdateParams,
  VenueUpdateParams,
  AccountAddParams,
  AccountChangeParams,
  AccountResetParams,
  AccountPasswordParams,
] as const;
export const ChangeParamsSchema = z.discriminatedUnion('op', [...CHANGE_PARAMS]);
export type ChangeParams = z.infer<typeof ChangeParamsSchema>;

/**
 * "Undid: …" `times` over (an undo of an undo is "Undid: Undid: …"), flat rather than nested so
 * the schema stays non-recursive; `keptWith` names the session a forced undo left in the room.
 */
const UndoParams = z.object({
  op: z.literal('undo'),
  times: z.number().check(z.int(), z.gte(1)),
  undone: ChangeParamsSchema,
  keptWith: z.optional(z.object({ venueId: z.string(), title: z.string() })),
});

export const JournalParamsSchema = z.discriminatedUnion('op', [...CHANGE_PARAMS, UndoParams]);
export type JournalParams = z.infer<typeof JournalParamsSchema>;
export type JournalParamsOf<Op extends JournalParams['op']> = Extract<JournalParams, { op: Op }>;

/** Parameters read back from storage or the wire, or undefined when they do not fit (the summary stands in). */
export function readJournalParams(value: unknown): JournalParams | undefined {
  const result = z.safeParse(JournalParamsSchema, value);
  return result.success ? result.data : undefined;
}
