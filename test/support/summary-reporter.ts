/**
 * Prints one plain closing line, "Tests: N passed, N failed, N skipped", that CI reads to know how
 * many tests really ran (vitest's own summary is formatted for humans). With
 * RECORD_TEST_DURATIONS=1 (`npm run test:durations`) it also records each file's duration in
 * test/durations.json, which orders the next runs (longest-first-sequencer.ts).
 */
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import { durationKey, readDurations, writeDurations } from './test-durations.ts';

export default class SummaryReporter implements Reporter {
  private root = '';

  onInit(vitest: Vitest): void {
    this.root = vitest.config.root;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    if (process.env.RECORD_TEST_DURATIONS === '1') this.recordDurations(testModules);
    const counts = { passed: 0, failed: 0, skipped: 0, pending: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) counts[test.result().state] += 1;
    }
    console.log(`Tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  }

  /** Merged into what is recorded, so a run of some files updates only theirs. */
  private recordDurations(testModules: ReadonlyArray<TestModule>): void {
    const durations = readDurations();
    for (const module of testModules) {
      const seconds = module.diagnostic().duration / 1000;
      durations[durationKey(this.root, module.moduleId)] = Math.round(seconds * 10) / 10;
    }
    writeDurations(durations);
  }
}
