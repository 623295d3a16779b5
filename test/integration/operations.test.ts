/**
 * Issue 17 (3, 6): the real program with --metrics-port serves Prometheus figures on 127.0.0.1
 * that follow a screen and a change; SIGTERM writes the screen's report (held back for the
 * routine 20 s flush), lets the screen reconnect elsewhere, and exits 0; a restart on the same
 * data directory still knows what the screen last rendered. A bug that escapes every handler
 * (planted by a preload on SIGUSR2) is logged with its stack and exits 70.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDisplay, type Client } from './clients.ts';
import { newIdentity, roundTrip } from './fleet-helpers.ts';
import { ROOT } from '../../server/platform/vite-build.ts';
import { login, startServerProcess, type ServerProcess } from './fault-server.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'signage-ops-'));
const args = ['--clock', '2024-10-14T12:55', '--speed', '0', '--log-level', 'info'];
const identity = newIdentity('door-CR3');

let running: ServerProcess | undefined;
let screen: Client | undefined;
let changedRevision = 0;

afterAll(async () => {
  screen?.socket.close();
  await running?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The value of one sample of the scrape: name plus exactly these labels. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (JSON.stringify(Object.entries(found).sort()) === JSON.stringify(Object.entries(labels).sort()))
      return Number(match[3]);
  }
  return undefined;
}

/** Real processes: each start is slow on a busy machine. */
const SPAWN_TIMEOUT_MS = 120_000;

// The metrics run and the restart after it share one process and data directory, in order; the
// planted crashes each have their own directory. One process at a time: side by side (tried) cost
// about 5 % more CPU and was no faster on 2 busy cores, where the suite's other worker wants them.
describe('running it like production', { timeout: SPAWN_TIMEOUT_MS }, () => {
  describe('one server, stopped and started again', () => {
    it('serves /metrics on 127.0.0.1 only, following the screens, the change and the requests', async () => {
      running = await startServerProcess({ dataDir, args: [...args, '--metrics-port', '0'] });
      const { url: base, metricsUrl } = running;
      expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);

      screen = await connectDisplay(base, { view: 'room', venueId: 'CR3', ...identity });
      const snapshot = await screen.recorder.waitFor('snapshot');
      screen.socket.emit('rendered', snapshot.revision);

      const cookie = await login(base);
      const sessionId = snapshot.sessions[0].id;
      const answer = await fetch(`${base}/api/sessions/${encodeURIComponent(sessionId)}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ title: 'Retitled for the metrics test' }),
      });
      expect(answer.status).toBe(200);
      changedRevision = ((await answer.json()) as { revision: number }).revision;
      await screen.recorder.waitForRevision(changedRevision);
      screen.socket.emit('rendered', changedRevision);
      await roundTrip(screen); // the server has handled the confirmation

      const scrape = await fetch(metricsUrl!);
      expect(scrape.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await scrape.text();
      expect(sample(text, 'signage_screens', { view: 'room', state: 'connected' })).toBe(1);
      expect(sample(text, 'signage_screens', { view: 'lobby', state: 'connected' })).toBe(0);
      expect(sample(text, 'signage_screens', { view: 'room', state: 'offline' })).toBe(0);
      expect(sample(text, 'signage_screens_behind')).toBe(0);
      expect(sample(text, 'signage_revision')).toBe(changedRevision);
      expect(sample(text, 'signage_change_to_rendered_seconds_count')).toBe(1);
      expect(sample(text, 'signage_change_to_rendered_seconds_bucket', { le: '+Inf' })).toBe(1);
      expect(sample(text, 'signage_changes_total', { operation: 'session.update' })).toBe(1);
      expect(sample(text, 'signage_feeds', { state: 'ok' })).toBe(0);
      expect(sample(text, 'signage_feeds', { state: 'failing' })).toBe(0);
      const patched = { method: 'PATCH', route: '/api/sessions/:id', status: '200' };
      expect(sample(text, 'signage_http_request_duration_seconds_count', patched)).toBe(1);
      expect(text).not.toContain(`/api/sessions/${sessionId}"`); // route patterns, never raw URLs
      expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
      expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);

      // Not on the public port.
      expect(await (await fetch(`${base}/metrics`)).text()).not.toContain('signage_revision');
    });

    it('on SIGTERM writes the screen report, lets the screen reconnect, exits 0; a restart still has the report', async () => {
      expect(running, 'the first test started the server').toBeDefined();
      const reason = new Promise<string>((resolve) => screen!.socket.once('disconnect', resolve));
      expect(await running!.stop()).toBe(0);
      // "transport close" makes a socket.io client reconnect by itself; "io server disconnect" would not.
      expect(await reason).toBe('transport close');
      const log = running!
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { msg: string });
      expect(log.map((line) => line.msg)).toEqual(expect.arrayContaining(['stopping', 'stopped']));

      running = await startServerProcess({ dataDir, args });
      const cookie = await login(running.url);
      const displays = (await (await fetch(`${running.url}/api/displays`, { headers: { cookie } })).json()) as Array<{
        id: string;
        revision: number;
        connected: boolean;
        lastSeen: string;
      }>;
      const door = displays.find((display) => display.id === identity.displayId);
      expect(door).toMatchObject({ revision: changedRevision, connected: false, view: 'room', venueId: 'CR3' });
      expect(Number.isNaN(Date.parse(door!.lastSeen))).toBe(false);
      expect(await running.stop()).toBe(0);
    });
  });

  it.each(['rejection', 'exception'])('an unhandled %s is logged with its stack and exits 70', async (kind) => {
    const crashing = await startServerProcess({
      dataDir: mkdtempSync(join(dataDir, `crash-${kind}-`)),
      args,
      nodeArgs: ['--import', join(ROOT, 'test/fixtures/process/crash-on-signal.mjs')],
      env: { PLANTED_CRASH: kind },
    });
    expect(await crashing.stop('SIGUSR2')).toBe(70);
    const fatal = crashing
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: number; msg: string; err?: { message: string; stack: string } })
      .find((line) => line.level === 50);
    expect(fatal?.msg).toBe(
      kind === 'rejection' ? 'unhandled promise rejection, exiting' : 'uncaught exception, exiting',
    );
    expect(fatal?.err?.message).toBe(`planted ${kind}`);
    expect(fatal?.err?.stack).toContain('crash-on-signal.mjs');
  });
});
