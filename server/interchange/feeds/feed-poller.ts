/**
 * Live feeds: the one timer module that polls every feed URL and brings the schedule up to date.
 *
 * - Conditional GET (If-None-Match / If-Modified-Since), a timeout, the import size limit, and a
 *   growing back-off while a feed fails.
 * - The text goes through readSchedule and planImport like any import; missing sessions are
 *   kept, never cancelled: a feed that fails, returns garbage or suddenly nothing removes nothing,
 *   it is marked failing (since when, why).
 * - The difference is applied as ONE revision whose journal actor is the feed; a sync that
 *   changes nothing writes no revision.
 * - Staff edits win: a session whose live values differ from what the feed said last time was
 *   edited by a person; the feed's new values for it are not applied but listed as kept edits,
 *   which staff can accept one by one.
 * Clock, fetch and timers are injected so tests drive it.
 */
import { MAX_IMPORT_BYTES } from '../../../shared/limits.ts';
import { toVenueIso } from '../../../shared/time.ts';
import type { Session } from '../../../shared/model.ts';
import type { PlanChange } from '../../../shared/import-plan.ts';
import type { ScheduleService } from '../../schedule/service-types.ts';
import { AppError, NotFoundError } from '../../platform/errors.ts';
import { refusal } from '../../../shared/refusal-codes.ts';
import { readSchedule } from '../detect-format.ts';
import { planImport } from '../import-plan.ts';
import { shortHash } from '../readers/stable-ids.ts';
import type { FeedRecord, FeedRecordStore } from './feed-records.ts';
import type { FeedStatus, KeptEdit, SyncedValues } from '../../../shared/feeds.ts';
import { classifyFeedFailure, feedFailure } from './feed-failure.ts';
import { firstLine } from '../../platform/first-line.ts';

export type SyncOutcome = 'applied' | 'unchanged' | 'not-modified' | 'failed';

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface FeedPollerOptions {
  service: ScheduleService;
  /** Where feeds are kept; the service's database by default, else memory. */
  records?: FeedRecordStore | undefined;
  intervalMs: number;
  now: () => number;
  fetch?: typeof fetch;
  timers?: Timers;
  timeoutMs?: number;
  onError?: (feed: FeedStatus) => void;
}

export interface FeedPoller {
  list(): Promise<FeedStatus[]>;
  add(url: string): Promise<FeedStatus>;
  remove(id: string): Promise<void>;
  syncNow(id: string): Promise<SyncOutcome>;
  /** Applies what the feed wanted for a session whose staff edit was kept. */
  acceptKept(id: string, sessionId: string): Promise<void>;
  start(): void;
  stop(): void;
}

const DEFAULT_TIMEOUT_MS = 20_000;
const MAX_BACKOFF_MS = 60 * 60_000;
const SYNCED_FIELDS: Array<keyof SyncedValues> = ['title', 'start', 'end', 'venueId', 'status'];

export function feedId(url: string): string {
  return `feed-${shortHash(url)}`;
}

/** The journal actor of a feed: its URL, which is what staff recognise it by. */
export function feedActor(url: string): string {
  return `feed ${url}`.slice(0, 200);
}

function syncedValues(session: Session): SyncedValues {
  return {
    title: session.title,
    start: session.start,
    end: session.end,
    venueId: session.venueId,
    status: session.status,
  };
}

function memoryRecords(): FeedRecordStore {
  const records = new Map<string, FeedRecord>();
  return {
    all: async () => [...records.values()],
    put: async (record) => void records.set(record.id, structuredClone(record)),
    remove: async (id) => records.delete(id),
  };
}

function statusOf(record: FeedRecord): FeedStatus {
  const { id, url, lastSyncAt, lastError, lastErrorCode, lastErrorParams, failingSince, kept } = record;
  return { id, url, lastSyncAt, lastError, lastErrorCode, lastErrorParams, failingSince, kept };
}

/** What a record says once a sync got through: no failure any more. */
const HEALTHY = { lastError: null, lastErrorCode: null, lastErrorParams: {}, failingSince: null } as const;

const MEGABYTE = 1024 * 1024;

/** The body as text, refusing more than the import limit (also when no Content-Length is sent). */
async function limitedText(response: Response): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  const megabytes = MAX_IMPORT_BYTES / MEGABYTE;
  if (declared > MAX_IMPORT_BYTES) {
    const message = `the feed is ${declared} bytes, over the ${MAX_IMPORT_BYTES}-byte import limit`;
    throw feedFailure('feed.too-large', message, { megabytes });
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw feedFailure('feed.too-large', `the feed is over the ${MAX_IMPORT_BYTES}-byte import limit`, { megabytes });
  }
  return new TextDecoder('utf-8').decode(bytes);
}

export function createFeedPoller(options: FeedPollerOptions): FeedPoller {
  const { service, intervalMs, now } = options;
  const records = options.records ?? service.feedRecords?.() ?? memoryRecords();
  const fetchFeed = options.fetch ?? fetch;
  const timers: Timers = options.timers ?? {
    set: (cb, ms) => setTimeout(cb, ms).unref(),
    clear: (h) => clearTimeout(h as NodeJS.Timeout),
  };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const handles = new Map<string, unknown>();
  const failures = new Map<string, number>();
  const running = new Map<string, Promise<SyncOutcome>>();
  let started = false;

  const stamp = () => toVenueIso(now(), service.schedule().timezone);
  const find = async (id: string): Promise<FeedRecord> => {
    const record = (await records.all()).find((r) => r.id === id);
    if (!record) throw new NotFoundError(`no feed with id ${id}`, undefined, refusal('feed.not-found', { id }));
    return record;
  };

  function schedulePoll(id: string): void {
    if (!started) return;
    timers.clear(handles.get(id));
    const backoff = Math.min(intervalMs * 2 ** (failures.get(id) ?? 0), Math.max(intervalMs, MAX_BACKOFF_MS));
    handles.set(
      id,
      timers.set(() => void pollOnce(id).finally(() => schedulePoll(id)), backoff),
    );
  }

  /** In a cluster only the leader polls: every node keeps its timers, so another can take over at once. */
  async function pollOnce(id: string): Promise<void> {
    if (!service.leadership().isLeader()) return;
    if ((await records.all()).some((record) => record.id === id)) await syncNow(id);
  }

  /** Applies the feed's text; returns 'unchanged' when the schedule already says it all. */
  async function apply(record: FeedRecord, text: string): Promise<SyncOutcome> {
    if (text.trim() === '') throw feedFailure('feed.empty', 'the feed returned nothing');
    const schedule = service.schedule();
    const result = readSchedule(text, { timezone: schedule.timezone }, schedule.sessions);
    if (result.programme.sessions.length === 0) {
      throw feedFailure('feed.no-sessions', `the feed (${result.format}) has no sessions`);
    }
    const plan = planImport(schedule, result, 'keep');
    plan.removed = [];

    const kept: KeptEdit[] = [];
    const synced = { ...record.synced };
    const keepStaffEdits = (changes: PlanChange[]): PlanChange[] =>
      changes.filter((change) => {
        synced[change.id] = syncedValues(change.after);
        const last = record.synced[change.id];
        const edited = last && SYNCED_FIELDS.some((f) => String(change.before[f]) !== String(last[f]));
        if (!edited) return true;
        const keptBy = lastEditor(change.id);
        for (const field of SYNCED_FIELDS) {
          const feedSays = String(change.after[field]);
          if (feedSays !== String(change.before[field])) {
            kept.push({
              sessionId: change.id,
              title: change.before.title,
              field,
              feedSays,
              kept: String(change.before[field]),
              keptBy,
            });
          }
        }
        return false;
      });
    plan.moved = keepStaffEdits(plan.moved);
    plan.retimed = keepStaffEdits(plan.retimed);
    plan.changed = keepStaffEdits(plan.changed);
    for (const session of plan.added) synced[session.id] = syncedValues(session);

    const changes =
      plan.added.length +
      plan.moved.length +
      plan.retimed.length +
      plan.changed.length +
      plan.venuesAdded.length +
      (plan.conference ? 1 : 0);
    if (changes > 0) await stored(() => service.applyImport(plan, { name: feedActor(record.url) }));
    await records.put({ ...record, synced, kept, lastSyncAt: stamp(), ...HEALTHY });
    return changes > 0 ? 'applied' : 'unchanged';
  }

  /**
   * A write of the feed's changes: a refusal of the changes themselves (an AppError: a clash, a
   * bad value) stays what it is; the database not taking them (its own error, or unavailable) is
   * `feed.not-stored`, and the next sync tries again.
   */
  async function stored<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof AppError && error.kind !== 'unavailable') throw error;
      throw feedFailure('feed.not-stored', `the feed's changes could not be stored: ${firstLine(error)}`);
    }
  }

  /** Who last changed a session, from the recent journal (newest first). */
  function lastEditor(sessionId: string): string {
    const entries = service.journalSince(0);
    for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.sessionId === sessionId) return entries[i]!.actor;
    return 'staff';
  }

  async function sync(id: string): Promise<SyncOutcome> {
    const record = await find(id);
    try {
      const headers: Record<string, string> = {
        accept: 'application/json, text/calendar, application/xml, text/csv, */*;q=0.5',
      };
      if (record.etag) headers['if-none-match'] = record.etag;
      if (record.lastModified) headers['if-modified-since'] = record.lastModified;
      const response = await fetchFeed(record.url, { headers, signal: AbortSignal.timeout(timeoutMs) });
      if (response.status === 304) {
        await records.put({ ...record, lastSyncAt: stamp(), ...HEALTHY });
        failures.delete(id);
        return 'not-modified';
      }
      if (!response.ok) {
        const message = `HTTP ${response.status} ${response.statusText}`.trim();
        throw feedFailure('feed.http-status', message, { status: response.status });
      }
      const text = await limitedText(response);
      const outcome = await apply(record, text);
      const after = await find(id);
      await records.put({
        ...after,
        etag: response.headers.get('etag'),
        lastModified: response.headers.get('last-modified'),
      });
      failures.delete(id);
      return outcome;
    } catch (error) {
      const current = (await records.all()).find((r) => r.id === id);
      if (!current) return 'failed';
      const { message, code, params } = classifyFeedFailure(error, { timeoutMs });
      const failed: FeedRecord = {
        ...current,
        lastError: message,
        lastErrorCode: code,
        lastErrorParams: params,
        failingSince: current.failingSince ?? stamp(),
      };
      await records.put(failed);
      failures.set(id, (failures.get(id) ?? 0) + 1);
      options.onError?.(statusOf(failed));
      return 'failed';
    }
  }

  /** One sync per feed at a time: a second request waits for the running one. */
  function syncNow(id: string): Promise<SyncOutcome> {
    const pending = running.get(id);
    if (pending) return pending;
    const promise = sync(id).finally(() => running.delete(id));
    running.set(id, promise);
    return promise;
  }

  return {
    list: async () => (await records.all()).map(statusOf),
    async add(url) {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        throw new AppError('invalid', 'url: must be an http:// or https:// URL', {
          field: 'url',
          coded: refusal('feed.url'),
        });
      const id = feedId(parsed.href);
      const existing = (await records.all()).find((r) => r.id === id);
      if (existing) return statusOf(existing);
      const record: FeedRecord = {
        id,
        url: parsed.href,
        etag: null,
        lastModified: null,
        lastSyncAt: null,
        ...HEALTHY,
        synced: {},
        kept: [],
      };
      await records.put(record);
      if (started) schedulePoll(id);
      return statusOf(record);
    },
    async remove(id) {
      await find(id);
      timers.clear(handles.get(id));
      handles.delete(id);
      await records.remove(id);
    },
    syncNow,
    async acceptKept(id, sessionId) {
      const record = await find(id);
      const edits = record.kept.filter((k) => k.sessionId === sessionId);
      if (edits.length === 0) throw new NotFoundError(`feed ${id} kept no edit of session ${sessionId}`);
      const patch = Object.fromEntries(edits.map((k) => [k.field, k.feedSays]));
      await service.updateSession(sessionId, patch, { name: feedActor(record.url) });
      const synced = { ...record.synced };
      await records.put({ ...record, synced, kept: record.kept.filter((k) => k.sessionId !== sessionId) });
    },
    start() {
      if (started) return;
      started = true;
      const pollAll = () =>
        records.all().then(
          (all) => all.forEach((record) => void pollOnce(record.id).finally(() => schedulePoll(record.id))),
          // The database is unreachable for now: try the whole list again at the next interval.
          () => void timers.set(() => started && void pollAll(), intervalMs),
        );
      void pollAll();
    },
    stop() {
      started = false;
      for (const handle of handles.values()) timers.clear(handle);
      handles.clear();
    },
  };
}
