/**
 * The screens' message catalogue: every word a display prints. Each language implements the whole
 * `Messages` interface, so the type checker proves no key is missing in any of them. Words with a
 * number go through `Intl.PluralRules` (plural.ts); times arrive already formatted (24-hour venue
 * time, shared/time.ts), so a catalogue only places them.
 */
import type { Language } from '../languages.ts';

export interface Messages {
  language: Language;
  /** The BCP 47 locale for Intl and luxon (dates, plural rules). */
  locale: string;
  // The door's status band.
  free: string;
  startingSoon: string;
  inSession: string;
  moved: string;
  online: string;
  until(time: string): string;
  at(time: string): string;
  sessionNowIn(time: string, room: string): string;
  forRestOfDay: string;
  nowUntil(time: string): string;
  nextAt(time: string): string;
  noMoreSessionsToday: string;
  // Relative start ("Now", "In 8 min").
  now: string;
  inMinutes(minutes: number): string;
  // What changed about a session.
  cancelled: string;
  movedFrom(room: string): string;
  movedTo(place: string): string;
  delayedNow(time: string): string;
  newTime: string;
  // The lobby's status column.
  nowFrom(room: string): string;
  delayedTo(time: string): string;
  onTime: string;
  // The door's panels.
  next: string;
  laterToday: string;
  nothingMoreToday: string;
  nothingElseToday: string;
  dayOver: string;
  unknownRoom(venueId: string): string;
  organizedBy: string;
  withPartners(names: string): string;
  agenda: string;
  nowDiscussing: string;
  andMore(count: number): string;
  timeRemaining: string;
  endsLeft(time: string, minutes: number): string;
  // Online sessions.
  scanToJoin: string;
  useMeetingId: string;
  meetingId: string;
  passcode: string;
  joinQr: string;
  // The lobby board.
  sessionsToday: string;
  columnTime: string;
  columnRoom: string;
  columnSession: string;
  columnOrganiser: string;
  columnStatus: string;
  noMoreSessionsLobby: string;
  tomorrow: string;
  updated: string;
  pageShort(page: number, pages: number): string;
  pageOf(page: number, pages: number): string;
  nowDiscussingItem(code: string, title: string): string;
  // Pairing a new screen.
  pairThisScreen: string;
  pairingCode(spelled: string): string;
  pairingHelp(panelAddress: string): string;
  // What every screen shares.
  announcements: string;
  important: string;
  info: string;
  emergency: string;
  offlineSince(time: string): string;
  simulatedTime: string;
  paused: string;
  notADisplay: string;
  listOfDisplays: string;
  connectingToServer: string;
  connectingToSchedule: string;
  waitingForServer: string;
}
