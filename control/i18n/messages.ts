/**
 * Every word the panel prints, as one typed catalogue: each language implements this interface,
 * so a missing or misspelt key is a type error, not an English word in a French panel. Keys are
 * flat and named after where they appear; a message with a number or a name is a function.
 * Data (session titles, room names, what staff typed) never goes through it.
 */

/** The operations the server writes into the journal (JournalEntry.operation). */
import type { Role } from '../../shared/staff.ts';
import type { ImportedField } from '../../shared/import-plan.ts';
import type { Session, TitleStyle } from '../../shared/model.ts';
import type { EditedSessionField, EditedVenueField } from '../../shared/journal-params.ts';

export const JOURNAL_OPERATIONS = [
  'session.create',
  'session.update',
  'session.retime',
  'session.move',
  'session.cancel',
  'session.reinstate',
  'session.delay',
  'session.delete',
  'announcement.create',
  'announcement.delete',
  'announcement.expire',
  'emergency.set',
  'emergency.clear',
  'schedule.import',
  'settings.update',
  'venue.update',
  'undo',
  'account.add',
  'account.change',
  'account.reset',
  'account.password',
] as const;
export type JournalOperation = (typeof JOURNAL_OPERATIONS)[number];

/** The venue fields staff edit in the Venues section. */
export type VenueField = 'name' | 'building' | 'floor' | 'directions';

export interface PanelMessages {
  // The page root and the login.
  appLoading: string;
  appTryAgain: string;
  appLoginHeading: string;
  appSessionExpiredHeading: string;
  appSessionExpiredBody: string;
  loginPassword: string;
  loginUsername: string;
  loginUsernameHint: string;
  loginSubmit: string;
  loginPasswordMissing: string;
  loginWrong: string;
  loginSso: (provider: string) => string;
  /** A single sign-on refusal whose code this panel does not know (never the address's own text). */
  loginSsoFailed: string;
  // The header.
  headerTitle: string;
  headerVenueTime: string;
  headerSimulated: (speed: number) => string;
  headerLive: string;
  headerReconnecting: string;
  headerLogOut: string;
  headerLanguage: string;
  headerLanguageNotSaved: string;
  headerEmergencyOn: (text: string) => string;
  headerClearEmergency: string;
  // The section tabs.
  navLabel: string;
  navSchedule: string;
  navAnnouncements: string;
  navJournal: string;
  navScreens: string;
  navVenues: string;
  navImport: string;
  navAccounts: string;
  panelLoadingSchedule: string;
  // The journal.
  journalHeading: string;
  journalHint: string;
  journalPerson: string;
  journalEveryone: string;
  journalEmpty: string;
  journalListLabel: string;
  journalUndoneBy: (revision: number) => string;
  journalUndo: string;
  journalUndoLabel: (summary: string) => string;
  journalConfirmUndo: (summary: string) => string;
  journalYesUndo: string;
  journalDontUndo: string;
  journalOpenSession: (title: string) => string;
  journalUndoAnyway: string;
  // The day view (schedule tab) and the emergency takeover.
  dayLegend: string;
  daySearchLabel: string;
  dayAddSession: string;
  daySearchResults: string;
  dayMatches: (count: number) => string;
  dayCancelled: string;
  emergencyHeading: string;
  emergencyOnLead: string;
  emergencyOnText: (text: string) => string;
  emergencyHowToEnd: string;
  emergencyHint: string;
  emergencyPrepared: string;
  emergencyMessage: string;
  emergencyQuestion: string;
  emergencyYes: string;
  emergencyNotNow: string;
  emergencyTakeOver: string;
  emergencyTextMissing: string;
  // Announcements.
  annNewHeading: string;
  annText: string;
  annScreens: string;
  annAllScreens: string;
  annSomeScreens: string;
  annChosenScreens: string;
  annLobby: string;
  annOnline: (name: string) => string;
  annImportance: string;
  annInfo: string;
  annUrgent: string;
  annStartsAt: string;
  annStartsHint: string;
  annExpiry: string;
  annExpiryHint: string;
  annPublish: string;
  annActiveHeading: string;
  annNone: string;
  annFrom: (time: string) => string;
  annUntil: (time: string) => string;
  annUntilWithdrawn: string;
  annWithdraw: string;
  annWithdrawLabel: (text: string) => string;
  annTextMissing: string;
  annScreensMissing: string;
  annExpiryInvalid: string;
  annStartsInvalid: string;
  annScheduled: (time: string) => string;
  annPublished: string;
  annWithdrawn: (text: string) => string;
  // The screens section.
  scrHeading: string;
  scrAllScreens: string;
  scrRevisionHint: (revision: number) => string;
  scrNoneYet: string;
  scrColScreen: string;
  scrColShows: string;
  scrColConnection: string;
  scrColRevision: string;
  scrColDevice: string;
  scrColActions: string;
  scrLobby: string;
  scrDoorOf: (room: string) => string;
  scrNotCounted: string;
  scrBehindBy: (count: number) => string;
  scrUpToDate: string;
  scrConnected: string;
  scrSilentFor: (duration: string) => string;
  scrOfflineFor: (duration: string) => string;
  scrLastSeen: (when: string) => string;
  scrIdentify: string;
  scrReload: string;
  scrChange: string;
  scrForget: string;
  scrPreview: string;
  scrActionLabel: (action: string, name: string) => string;
  scrForgetQuestion: (name: string) => string;
  scrForgetIt: string;
  scrWillPair: string;
  scrYesForget: (name: string) => string;
  scrKeepIt: string;
  scrShowsName: (name: string) => string;
  scrReloading: (name: string) => string;
  scrNotConnected: (name: string) => string;
  scrForgot: (name: string) => string;
  scrForgetOffline: (count: number) => string;
  scrForgetOfflineQuestion: (count: number) => string;
  scrYesForgetCount: (count: number) => string;
  scrKeepThem: string;
  scrForgotCount: (count: number) => string;
  // The session dialog and its status actions.
  sesHeading: string;
  sesGone: string;
  sesOrganisedBy: (lead: string) => string;
  sesAgenda: string;
  /** Followed by the change's sentence, isolated (it carries titles). */
  sesLastChange: (at: string, who: string) => string;
  stStatus: string;
  stCancelQuestion: (title: string) => string;
  stYesCancel: string;
  stDeleteQuestion: (title: string) => string;
  stYesDelete: string;
  stIsCancelled: string;
  stReinstate: string;
  stCancelSession: string;
  stDeleteSession: string;
  stKeepIt: string;
  // The delay form.
  delLegend: string;
  delShift: string;
  delQuick: (minutes: number) => string;
  delCustom: string;
  delApplyCustom: string;
  delCustomInvalid: string;
  delDone: (minutes: number, shifted: boolean) => string;
  // Accounts.
  accHeading: string;
  accAdminOnly: string;
  accUsername: string;
  accName: string;
  accRole: string;
  accEmergency: string;
  accLastLogin: string;
  accDisplayName: string;
  accEmergencyRights: string;
  accAdd: string;
  accDisabled: string;
  accRoleOf: (username: string) => string;
  accEmergencyOf: (username: string) => string;
  accNever: string;
  accEnable: string;
  accDisable: string;
  accReset: string;
  accOneTimeFor: (username: string, password: string) => string;
  accOneTimeNew: (password: string) => string;
  accRoles: Readonly<Record<Role, string>>;
  // Place and time of a session.
  ptLegend: string;
  ptVenue: string;
  ptFree: string;
  ptBusy: string;
  ptCurrent: string;
  ptOnline: string;
  ptBusyWith: (title: string, slot: string) => string;
  ptSave: string;
  ptMoveAnyway: string;
  ptNothing: string;
  ptSaved: (place: string, when: string) => string;
  // Session details.
  detLegend: string;
  detTitle: string;
  detLead: string;
  detPartners: string;
  detMeetingId: string;
  detPasscode: string;
  detUrl: string;
  detShowPasscode: string;
  detPasscodeHint: string;
  detSave: string;
  detNothing: string;
  detSaved: string;
  // Adding a session.
  newHeading: string;
  newKind: string;
  newKinds: Readonly<Record<Session['kind'], string>>;
  newVenueMissing: string;
  newAddAnyway: string;
  newChangeRoomOrTime: string;
  /** The operation's name in the reader's language, shown next to the server's English summary. */
  journalOperations: Readonly<Record<JournalOperation, string>>;
  // Translations.
  /** The fieldset of a session's or an announcement's translations. */
  trLegend: string;
  /** The first entry of the menu that adds a language. */
  trAdd: string;
  trTitleIn: (language: string) => string;
  trTextIn: (language: string) => string;
  trRemove: string;
  trRemoveLabel: (language: string) => string;
  trEmpty: string;
  /** The session dialog's line naming the languages a session has. */
  trTranslatedInto: (languages: string) => string;
  detTitleEmpty: string;
  /** The parts of a details edit, named back in a conflict notice. */
  detChangeTitle: (title: string) => string;
  detChangeOrganisers: (lead: string) => string;
  detChangeOnline: string;
  detChangeOnlineRemoved: string;
  detChangeTranslations: string;
  // Part A: venues, import, feeds, screens, delivery, conflicts.
  /** "A, B and C" in the reader's language (Intl.ListFormat). */
  listAnd: (items: readonly string[]) => string;
  errNetwork: string;
  errRefused: (status: number) => string;
  venHeading: string;
  venTitlesLegend: string;
  venTitleCase: string;
  venAsWritten: string;
  venChoose: string;
  venEditLabel: (name: string) => string;
  venSave: (id: string) => string;
  venFieldLabels: Readonly<Record<VenueField, string>>;
  /** The field's name alone, inside a sentence ("the new name and directions"). */
  venFieldNames: Readonly<Record<VenueField, string>>;
  venEmpty: (field: string) => string;
  venTooLong: (field: string, max: number) => string;
  venInvalid: (field: string) => string;
  venNothing: string;
  venSaved: (fields: string) => string;
  venStyleAsWritten: string;
  venStyleTitleCase: string;
  impHeading: string;
  impHint: string;
  impFile: string;
  impReadLegend: string;
  impTimezone: string;
  impRepeatFrom: string;
  impRepeatTo: string;
  impDatePlaceholder: string;
  impColumns: string;
  impColumnsPlaceholder: string;
  impKeep: string;
  impWorking: string;
  impApply: string;
  impCancel: string;
  impRowAt: (row: number) => string;
  impLineAt: (line: number) => string;
  impSummary: (changes: number, unchanged: number) => string;
  impNewRooms: (names: string) => string;
  impTranslated: (count: number) => string;
  impColChange: string;
  impColSession: string;
  impColDetails: string;
  impAdded: string;
  impCancelled: string;
  impKept: string;
  impMoved: string;
  impNewTime: string;
  impEdited: string;
  impNotInFile: string;
  impChangedFields: (fields: string) => string;
  impFieldWords: Readonly<Record<ImportedField, string>>;
  impWarnings: string;
  impApplied: (revision: number) => string;
  impStale: string;
  impConference: string;
  impConferenceNone: string;
  impConferenceUnnamed: string;
  impDayChange: (time: string) => string;
  impSessionEnded: string;
  impTooLarge: (megabytes: number) => string;
  impEmpty: string;
  impFailed: (status: number) => string;
  feedHeading: string;
  feedHint: string;
  feedUrl: string;
  feedAdd: string;
  feedRefresh: string;
  feedNone: string;
  feedList: string;
  feedLastSync: (when: string) => string;
  feedNever: string;
  feedFailingSince: (when: string) => string;
  feedRemove: string;
  feedRemoveLabel: (url: string) => string;
  feedKeptList: string;
  feedKept: (feedSays: string, kept: string, keptBy: string) => string;
  feedAccept: string;
  // Why a feed's last sync failed (shared/feeds.ts FEED_FAILURE_PARAMS), after feedFailingSince.
  feedErrUnreachable: string;
  feedErrTls: string;
  feedErrTimeout: (seconds: number) => string;
  feedErrHttpStatus: (status: number) => string;
  feedErrTooLarge: (megabytes: number) => string;
  feedErrEmpty: string;
  feedErrUnknownFormat: string;
  feedErrUnreadable: string;
  feedErrUnreadableLine: (line: number) => string;
  feedErrNoSessions: string;
  feedErrNotStored: string;
  pairHeading: string;
  /** The hint around the path "/display": [before, after]. */
  pairHint: readonly [string, string];
  pairCode: string;
  pairName: string;
  pairNamePlaceholder: string;
  pairSubmit: string;
  pairDone: (name: string, shows: string) => string;
  prevTarget: string;
  prevShape: string;
  prevLandscape: string;
  prevPortrait: string;
  prevFrameLobby: string;
  prevFrameDoor: (venueId: string) => string;
  dlvChange: (revision: number) => string;
  dlvDelivered: (delivered: number, total: number) => string;
  dlvNotYetOn: (screens: string) => string;
  dlvOffline: (name: string) => string;
  dlvDismiss: string;
  dlvHeading: string;
  dlvListLabel: string;
  fleetBehind: (count: number) => string;
  fleetOffline: (count: number) => string;
  fleetUnderAMinute: string;
  fleetMinutes: (minutes: number) => string;
  fleetHoursMinutes: (hours: number, minutes: number) => string;
  devClockOnTime: string;
  devClockBehind: (seconds: number) => string;
  devClockAhead: (seconds: number) => string;
  devOrientations: Readonly<Record<'portrait' | 'landscape', string>>;
  cflHeading: string;
  cflNowReads: string;
  cflWhen: string;
  cflWhere: string;
  cflOrganisers: string;
  cflCancelled: string;
  cflScheduled: string;
  cflGone: string;
  cflYourChange: (change: string) => string;
  cflRetry: string;
  cflDiscard: string;
  wrColleague: string;
  wrLeave: string;
  wrTaken: (venue: string, title: string, slot: string) => string;
  wrGoAhead: string;
  wrKeepAsItWas: string;
  // Part B: schedule, agenda, templates, journal.
  // The day's grid and list, and the badges of a changed session.
  gridLabel: (day: string) => string;
  gridNow: (time: string) => string;
  listLabel: string;
  listNow: string;
  listNone: string;
  listNoneMatch: string;
  chipMovedFrom: (venue: string) => string;
  chipDelayed: (minutes: number) => string;
  chipNewTime: string;
  chipCancelled: string;
  // The plenary's agenda.
  plenHeading: string;
  agAgendaOf: (title: string) => string;
  agUnderDiscussion: string;
  agMark: string;
  agMarkLabel: (code: string) => string;
  agClear: string;
  agDoMark: (code: string) => string;
  agDoClear: string;
  // Day and time fields (venue time, 24-hour).
  slotStart: string;
  slotEnd: string;
  slotZoneHint: (zone: string) => string;
  slotStartInvalid: string;
  slotEndInvalid: string;
  slotEndBeforeStart: (start: string) => string;
  // What a change was, as a conflict notice repeats it ("Your change: move to M3, 13:00–13:50").
  ptDoMove: (venue: string, when: string) => string;
  ptDoStay: (venue: string, when: string) => string;
  delDo: (minutes: number, shifted: boolean) => string;
  delAnyway: string;
  delTiming: (how: 'delayed' | 'forward' | 'back', time: string) => string;
  delAlready: (timing: string, by: string, minutes: number) => string;
  delMore: (minutes: number) => string;
  stDoCancel: string;
  stDoReinstate: string;
  stDoDelete: string;
  newDoAdd: (title: string) => string;
  newTitleMissing: string;
  newTitleTooLong: (max: number) => string;
  // Prepared emergency messages.
  tplEditHeading: string;
  tplLanguage: string;
  tplLabel: string;
  tplText: string;
  tplSave: (label: string) => string;
  tplSaved: string;
  tplMissing: string;
  tplLabelTooLong: (max: number) => string;
  emergencyLanguage: string;
  emergencyLanguageHint: string;
  // Journal sentences, worded from the parameters the server stores with each change.
  sumQuote: (text: string) => string;
  sumSeparator: string;
  sumAdded: (title: string, venue: string, when: string) => string;
  sumDeleted: (title: string, venue: string, when: string) => string;
  sumCancelled: (title: string) => string;
  sumReinstated: (title: string) => string;
  sumMoved: (title: string, from: string, to: string) => string;
  sumMovedNow: (title: string, from: string, to: string, when: string) => string;
  sumRescheduled: (title: string, when: string, was: string) => string;
  sumRenamed: (before: string, title: string) => string;
  sumEdited: (title: string, fields: string) => string;
  sumSessionFields: Readonly<Record<EditedSessionField, string>>;
  sumNoChange: (title: string) => string;
  sumDelay: (p: {
    title: string;
    minutes: number;
    forward: boolean;
    at: string;
    following: number;
    venue: string;
  }) => string;
  sumAnnouncement: (p: { urgent: boolean; text: string; where?: string; from?: string; until?: string }) => string;
  sumAnnouncementRemoved: (urgent: boolean, text: string) => string;
  sumAnnouncementsExpired: (texts: readonly string[]) => string;
  sumEmergencyOn: (text: string) => string;
  sumEmergencyChanged: (text: string) => string;
  sumEmergencyOff: string;
  sumImported: (parts: string) => string;
  sumImportNothing: string;
  sumImportMoved: (count: number) => string;
  sumImportRetimed: (count: number) => string;
  sumImportChanged: (count: number) => string;
  sumImportVenues: (count: number) => string;
  sumImportConference: string;
  sumTitleStyles: Readonly<Record<TitleStyle, string>>;
  sumVenue: (venue: string, changes: string) => string;
  sumVenueFields: Readonly<Record<EditedVenueField, string>>;
  sumVenueSet: (field: string, value: string) => string;
  sumVenueCleared: (field: string) => string;
  sumUndid: (sentence: string) => string;
  sumKeptBoth: (sentence: string, venue: string, title: string) => string;
  // What an undo would do, asked before it; why one was refused, and the way forward.
  undoShowsEmergency: (text: string | undefined, screens: number) => string;
  undoShowsUrgent: (text: string) => string;
  undoRunningNow: (title: string, until: string) => string;
  undoCant: (reason: string) => string;
  undoClearTheWay: (title: string, forceable: boolean) => string;
  undoAlreadyUndone: string;
  undoNothingToDo: string;
  undoLaterFirst: string;
  undoPostAgain: string;
  undoNewerFirst: string;
  // Account changes in the journal (the role's name from accRoles).
  sumGrant: (role: string, emergency: boolean) => string;
  sumAccountAdded: (username: string, displayName: string, grant: string, sso: boolean) => string;
  sumAccountGrant: (username: string, grant: string, sso: boolean) => string;
  sumAccountRenamed: (username: string, displayName: string) => string;
  sumAccountEnabled: (username: string, enabled: boolean) => string;
  sumAccountReset: (username: string) => string;
  sumAccountPassword: (username: string) => string;
  // Rotation.
  /** The second language of a bilingual screen, taking turns with the first. */
  rotAlternatesWith: string;
  rotNoSecond: string;
  rotEvery: string;
  rotEveryHint: (min: number, max: number) => string;
  rotSecondsProblem: (min: number, max: number) => string;
  rotLanguagesProblem: string;
  // The screen editor, the dialogs' own buttons, separators that differ by language, and the
  // server's coded refusals worded here (the server's English `error` is the fallback).
  scrEdLabel: (name: string) => string;
  scrEdSave: string;
  scrEdCancel: string;
  scrEdDirections: string;
  scrEdDirectionsHint: string;
  scrEdWayTo: (venue: string) => string;
  dlgClose: string;
  dlgDiscardQuestion: string;
  dlgKeepEditing: string;
  dlgDiscard: string;
  /** Old → new in the import preview; it points the reading way (← in Arabic). */
  impArrow: string;
  /** "2 more", the last item of a list of lagging screens. */
  dlvMore: (count: number) => string;
  /** "delivered to 1/2 screens; not yet on LB1" with the language's own punctuation. */
  dlvWithLagging: (delivered: string, lagging: string) => string;
  /** A refused field, named by the API's path (data): "title: at most 200 characters". */
  errField: (field: string, problem: string) => string;
  errMissing: string;
  errWrongType: string;
  errEmpty: string;
  errTooLong: (max: number) => string;
  errTooShort: (min: number) => string;
  errTooLarge: (max: number) => string;
  errTooSmall: (min: number) => string;
  errUnknownField: string;
  errInvalid: string;
  undoWhyAccount: string;
  undoWhyUndoneBy: (revision: number) => string;
  undoWhyDeleted: (title: string) => string;
  undoWhyChanged: (title: string) => string;
  undoWhyExistsAgain: (title: string) => string;
  undoWhyAnnouncementGone: (text: string) => string;
  undoWhyAnnouncementChanged: (text: string) => string;
  undoWhyAnnouncementBack: string;
  undoWhyAnnouncementExpired: (text: string) => string;
  undoWhyEmergencyChanged: string;
  undoWhyConferenceChanged: string;
  undoWhyVenueChanged: (venue: string) => string;
  undoWhySettingsChanged: string;
  undoWhyRoomTaken: (venue: string, title: string, slot: string) => string;
  // Translated agenda items and emergency texts (issue 19).
  /** The button that opens an agenda item's translations. */
  agTranslations: string;
  agTranslationsOf: (code: string) => string;
  agSaveTranslations: string;
  agCloseTranslations: string;
  agDoTranslate: (code: string) => string;
  emergencyTranslationsHint: string;
  /** A journal sentence with the languages its text was also given in ("Français, العربية"). */
  sumWithLanguages: (sentence: string, languages: string) => string;
  // Coded refusals of pairing, accounts and feeds (issue 19, err-codes).
  refusedPairingCode: (code: string) => string;
  refusedDisplayGone: string;
  refusedVenueGone: (venueId: string) => string;
  refusedUsernameTaken: (username: string) => string;
  refusedUsernameEmpty: string;
  refusedUsernameTooLong: (max: number) => string;
  refusedUsernameCharacters: string;
  refusedPasswordTooShort: (min: number) => string;
  refusedPasswordTooLong: (max: number) => string;
  refusedPasswordCommon: string;
  refusedRole: (role: string) => string;
  refusedDisplayName: (max: number) => string;
  refusedCurrentPasswordWrong: string;
  refusedPasswordUnchanged: string;
  refusedUnknownAccount: (username: string) => string;
  refusedLastAdmin: string;
  refusedFeedUrl: string;
  refusedFeedGone: string;
  /** A cluster pairing nobody confirmed: unlike refusedNotStored, it may have happened. */
  refusedPairingUnconfirmed: string;
  /** A 503: the database refused the write; nothing changed, and the same action may simply be tried again. */
  refusedNotStored: string;
  // Single sign-on refusals (shared/refusal-codes.ts sso.*), shown on the login page.
  refusedSsoNotConfigured: string;
  refusedSsoNotStarted: (minutes: number) => string;
  refusedSsoWrongState: string;
  /** `reason` is the provider's own words (data). */
  refusedSsoProviderRefused: (reason: string) => string;
  refusedSsoProviderUnreachable: (issuer: string) => string;
  refusedSsoTokenExpired: string;
  refusedSsoWrongNonce: string;
  refusedSsoCodeRefused: (reason: string) => string;
  refusedSsoUnverified: string;
  refusedSsoAccountDisabled: string;
}
