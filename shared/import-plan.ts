/**
 * What an import preview and an import answer look like: the server makes them
 * (server/interchange/import-plan.ts, server/interchange/import-routes.ts), the control panel shows them.
 * Types only, so the panel's bundle stays free of the server's code.
 */
import type { Conference, Session, Venue } from './model.ts';
import type { JournalEntry } from './protocol.ts';

/** Session fields an import may change on a session that already exists. */
export type ImportedField = Extract<
  keyof Session,
  'title' | 'translations' | 'kind' | 'start' | 'end' | 'venueId' | 'organizers' | 'online' | 'agendaItems' | 'status'
>;

/** What happens to live sessions the file does not have. */
export type MissingSessions = 'cancel' | 'keep';

export interface PlanChange {
  /** The live session's id (a session matched by title keeps its id). */
  id: string;
  matchedBy: 'id' | 'title';
  fields: ImportedField[];
  before: Session;
  /** The session as the import leaves it (its version is raised when applied). */
  after: Session;
}

export interface ImportPlan {
  format: string;
  /** The revision the plan was made against; applying it at any other revision is refused. */
  baseRevision: number;
  added: Session[];
  /** Live sessions the file does not have: cancelled when `missing` is "cancel". */
  removed: Session[];
  moved: PlanChange[];
  retimed: PlanChange[];
  changed: PlanChange[];
  unchanged: number;
  venuesAdded: Venue[];
  /** Sessions of the file that carry titles in other languages (counted for the preview). */
  translated: number;
  /**
   * When the file names a conference (title, acronym, day change-over) other than the live one:
   * the import sets it, in the same revision (the file's own zone is not taken: its times are
   * shown in the venue's).
   */
  conference?: { before: Conference | null; after: Conference };
  missing: MissingSessions;
  /** The importer's warnings (with their line) and the plan's own (room clashes, zones). */
  warnings: Array<{ line?: number; message: string }>;
}

export interface ImportCounts {
  added: number;
  cancelled: number;
  moved: number;
  retimed: number;
  changed: number;
  unchanged: number;
  venuesAdded: number;
  /** Present (true) when the import set the conference's title, acronym or day change-over. */
  conference?: true;
}

/** POST /api/import/preview answers the plan and what to send back to apply it. */
export interface ImportPreview extends ImportPlan {
  /** The live revision the preview was made at: send it back to apply. */
  revision: number;
  /** The venue's zone, to show times in. */
  timezone: string;
}

/** POST /api/import/apply answers the revision the import made and what it did. */
export interface ImportApplied {
  revision: number;
  entry: JournalEntry;
  counts: ImportCounts;
}
