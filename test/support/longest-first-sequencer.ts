/**
 * The longest test files start first, so that the two workers finish together instead of one
 * running a 15-second file alone at the end. A file's duration is the one this machine last
 * measured (vitest's results cache), else the one recorded in test/durations.json (a fresh clone
 * has no cache); files known to neither start first, since nothing says they are short.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { durationKey, readDurations } from './test-durations.ts';

/** Longer than any file: an unknown file starts before the known ones. */
const UNKNOWN = 1e6;

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const recorded = readDurations();
    const root = this.ctx.config.root;
    const duration = (spec: TestSpecification): number => {
      const path = durationKey(root, spec.moduleId);
      // vitest's cache names a file "project:path"; this suite's one project has no name.
      const measured = this.ctx.cache.getFileTestResults(`${spec.project.name}:${path}`)?.duration;
      return measured !== undefined ? measured / 1000 : (recorded[path] ?? UNKNOWN);
    };
    return [...files].sort((a, b) => duration(b) - duration(a));
  }
}
