/**
 * What the live feeds routes answer: the server makes it (server/interchange/feeds/), the control
 * panel shows it (control/data/feeds-api.ts). Types only, so the panel's bundle stays free of the
 * server's code.
 */

/** What a feed last said about one of its sessions: staff edits are what differs from it. */
export interface SyncedValues {
  title: string;
  start: string;
  end: string;
  venueId: string;
  status: string;
}

/** A change the feed wanted that was not applied because staff had edited the session since. */
export interface KeptEdit {
  sessionId: string;
  title: string;
  field: keyof SyncedValues;
  feedSays: string;
  kept: string;
  /** The journal actor who made the kept change. */
  keptBy: string;
}

/** One feed as GET /api/feeds lists it. */
export interface FeedStatus {
  id: string;
  url: string;
  lastSyncAt: string | null;
  lastError: string | null;
  failingSince: string | null;
  kept: KeptEdit[];
}
