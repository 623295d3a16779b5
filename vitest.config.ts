import { defineConfig } from 'vitest/config';
import LongestFirstSequencer from './test/support/longest-first-sequencer.ts';

// The venue is in Vienna; every test runs in another zone so that any code reading the process
// zone instead of the venue's fails loudly.
const env = { TZ: 'America/New_York' };

export default defineConfig({
  test: {
    // Browser and server tests are heavy on a 2-core machine; keep parallelism modest.
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
    // Longest files first (recorded in test/durations.json), so both workers end together.
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          env,
          // Unit files share no state (fake timers and spies are restored after each test), so one
          // worker runs file after file without re-importing zod, luxon and the readers each time.
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          env,
          // The pages, and one throw-away PostgreSQL for the files that need it (a database each).
          globalSetup: ['test/support/global-setup.ts', 'test/support/postgres.ts'],
          // Each file builds its own servers and data directories; the server modules keep no state
          // between applications (only pure caches), so re-importing express, socket.io and the
          // schedule service for every file was wasted time.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          env,
          globalSetup: ['test/support/global-setup.ts'],
          // As for integration: each file starts its own servers and opens its own browser contexts;
          // the modules (playwright-core, the server) are shared and hold no state between files,
          // except the worker's one Chromium (test/support/shared-browser.ts).
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
