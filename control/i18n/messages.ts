/**
 * Every word the panel prints, as one typed catalogue: each language implements this interface,
 * so a missing or misspelt key is a type error, not an English word in a French panel. Keys are
 * flat and named after where they appear; a message with a number or a name is a function.
 * Data (session titles, room names, what staff typed) never goes through it.
 */

/** The operations the server writes into the journal (JournalEntry.operation). */
import type { Role } from '../../shared/staff.ts';
import type { Session } from '../../shared/model.ts';

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
  sesLastChange: (at: string, who: string, summary: string) => string;
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
  // Rotation.
  /** The second language of a bilingual screen, taking turns with the first. */
  rotAlternatesWith: string;
  rotNoSecond: string;
  rotEvery: string;
  rotEveryHint: (min: number, max: number) => string;
  rotSecondsProblem: (min: number, max: number) => string;
  rotLanguagesProblem: string;
}
