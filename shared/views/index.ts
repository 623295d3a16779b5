/** The pure view functions shared by the server and the screens. */
export type * from './types.ts';
export { STARTING_SOON_MINUTES } from './constants.ts';
export { sessionChange } from './change.ts';
export { roomView, type RoomSchedule } from './room-view.ts';
export { lobbyView, type LobbySchedule } from './lobby-view.ts';
export { lobbyStatus, STARTING_NOW_MINUTES } from './lobby-status.ts';
export { relativeStart, remainingFraction, minutesLeft } from './relative.ts';
