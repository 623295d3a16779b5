/**
 * Prometheus metrics (prom-client), served by start-server.ts only on --metrics-port, bound to 127.0.0.1:
 * the figures say which screens exist and how the venue runs, nothing for the public network.
 *
 * Fleet figures are read from the registry at scrape time (no bookkeeping on the hot path); the
 * change-to-rendered latency is measured from the moment a revision was committed to each
 * screen's first confirmation that it rendered it.
 */
import { createServer, type Server } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ScheduleService } from '../schedule/service-types.ts';
import type { DisplayRegistry } from '../fleet/display-registry.ts';
import type { FeedStatus } from '../../shared/feeds.ts';
import { routePattern } from './request-log.ts';

/** Commit times are kept for this many recent revisions: a screen further behind is catching up, not reacting. */
const REMEMBERED_REVISIONS = 1000;

export const METRIC_NAMES = {
  screens: 'signage_screens',
  screensBehind: 'signage_screens_behind',
  renderLatency: 'signage_change_to_rendered_seconds',
  revision: 'signage_revision',
  changes: 'signage_changes_total',
  feeds: 'signage_feeds',
  feedLastSync: 'signage_feed_last_sync_timestamp_seconds',
  httpDuration: 'signage_http_request_duration_seconds',
} as const;

export interface Metrics {
  registry: Registry;
  /** Express middleware timing every request by route pattern. */
  httpTiming(): (req: Request, res: Response, next: NextFunction) => void;
  /** Follows the schedule and the fleet; returns the function that stops following. */
  watch(service: ScheduleService, displays: DisplayRegistry): () => void;
  /** Where the feeds' status comes from (the poller is made after the application). */
  watchFeeds(list: () => Promise<FeedStatus[]>): void;
}

export function createMetrics(options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  let sources: { service: ScheduleService; displays: DisplayRegistry } | undefined;
  let feeds: () => Promise<FeedStatus[]> = async () => [];

  new Gauge({
    name: METRIC_NAMES.screens,
    help: 'Screens the fleet knows, by view (room, lobby) and state (connected, stale, offline)',
    labelNames: ['view', 'state'],
    registers,
    collect() {
      this.reset();
      for (const view of ['room', 'lobby'])
        for (const state of ['connected', 'stale', 'offline']) this.set({ view, state }, 0);
      for (const display of sources?.displays.list() ?? []) {
        const state = !display.connected ? 'offline' : display.stale ? 'stale' : 'connected';
        this.inc({ view: display.view, state });
      }
    },
  });
  new Gauge({
    name: METRIC_NAMES.screensBehind,
    help: 'Connected screens whose last rendered revision is older than the current one',
    registers,
    collect() {
      if (!sources) return this.set(0);
      const current = sources.service.revision();
      this.set(sources.displays.list().filter((d) => d.connected && d.revision < current).length);
    },
  });
  new Gauge({
    name: METRIC_NAMES.revision,
    help: "The schedule's current revision",
    registers,
    collect() {
      this.set(sources?.service.revision() ?? 0);
    },
  });
  const renderLatency = new Histogram({
    name: METRIC_NAMES.renderLatency,
    help: 'From a change being committed to a screen confirming it rendered that revision',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers,
  });
  const changes = new Counter({
    name: METRIC_NAMES.changes,
    help: 'Committed changes since start, by journal operation (imports and feed syncs included)',
    labelNames: ['operation'],
    registers,
  });
  new Gauge({
    name: METRIC_NAMES.feeds,
    help: 'Live feeds by state (ok: last poll succeeded or none yet; failing: last poll failed)',
    labelNames: ['state'],
    registers,
    async collect() {
      const list = await feeds();
      const failing = list.filter((feed) => feed.lastError !== null).length;
      this.set({ state: 'ok' }, list.length - failing);
      this.set({ state: 'failing' }, failing);
    },
  });
  new Gauge({
    name: METRIC_NAMES.feedLastSync,
    help: 'When each live feed last synced successfully (Unix seconds)',
    labelNames: ['feed'],
    registers,
    async collect() {
      const list = await feeds();
      this.reset();
      for (const feed of list)
        if (feed.lastSyncAt !== null) this.set({ feed: feed.id }, Date.parse(feed.lastSyncAt) / 1000);
    },
  });
  const httpDuration = new Histogram({
    name: METRIC_NAMES.httpDuration,
    help: 'HTTP request durations by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers,
  });

  return {
    registry,
    httpTiming() {
      return (req, res, next) => {
        const started = process.hrtime.bigint();
        res.on('finish', () => {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          httpDuration.observe(
            { method: req.method, route: routePattern(req), status: String(res.statusCode) },
            seconds,
          );
        });
        next();
      };
    },
    watch(service, displays) {
      sources = { service, displays };
      const committedAt = new Map<number, number>();
      const stopChanges = service.onChange(({ revision, entry }) => {
        changes.inc({ operation: entry.operation });
        committedAt.set(revision, Date.now());
        committedAt.delete(revision - REMEMBERED_REVISIONS);
      });
      const stopRendered = displays.onRendered((revision, previous) => {
        const at = committedAt.get(revision);
        if (at !== undefined && revision > previous) renderLatency.observe((Date.now() - at) / 1000);
      });
      return () => {
        stopChanges();
        stopRendered();
      };
    },
    watchFeeds(list) {
      feeds = list;
    },
  };
}

/** The small HTTP server behind --metrics-port: GET /metrics and nothing else. */
export function metricsServer(metrics: Metrics): Server {
  return createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('only GET /metrics here\n');
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      (error: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${error.message}\n`),
    );
  });
}
