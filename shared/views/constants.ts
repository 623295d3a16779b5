/** Thresholds shared by the view functions, so door status and relative times agree. */

/** A room whose next session starts within this many minutes is "starting soon" ("In N min"). */
export const STARTING_SOON_MINUTES = 15;
