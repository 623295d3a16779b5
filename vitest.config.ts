import { defineConfig } from 'vitest/config';
import LongestFirstSequencer from './test/support/longest-first-sequencer.ts';

// The venue is in Vienna; every test runs in another zone so that any code reading the process
// zone instead of the venue's fails loudly.
const env = { TZ: 'America/New_York' };

/**
 * One pool for the three layers (test/unit, test/integration, test/e2e) rather than a project
 * each: vitest gives every project its own workers and its own transform of the modules, so with
 * three projects the server, the shared rules and playwright-core were transformed three times
 * and imported by six workers in turn. In one pool two workers take the whole suite's files,
 * longest first, each importing the modules once. Select a layer by its folder:
 * `npx vitest run test/unit`.
 */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
    env,
    // Browser and server tests are heavy on a 2-core machine; keep parallelism modest.
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
    // Longest files first (recorded in test/durations.json), so both workers end together.
    sequence: { sequencer: LongestFirstSequencer },
    // The pages, built once, and one throw-away PostgreSQL for the files that need it (a database
    // each); both take about a second when a run needs neither.
    globalSetup: ['test/support/global-setup.ts', 'test/support/postgres.ts'],
    // A worker imports zod, luxon, the readers, express, socket.io, the schedule service and
    // playwright-core once and runs file after file. Each file builds its own servers and data
    // directories and opens its own browser contexts; the modules keep no state between files
    // (only pure caches), except the worker's one Chromium (test/support/shared-browser.ts). Unit
    // files restore their fake timers and spies after each test.
    isolate: false,
    // Generous, for browser tests on a loaded machine; a unit test never comes near it.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
