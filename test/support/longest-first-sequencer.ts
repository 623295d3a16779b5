/**
 * Within each project (their workers are not shared), the longest test files start first, so that
 * the two workers finish together instead of one running a 15-second file alone at the end.
 * A file's duration is the one this machine last measured (vitest's results cache), else the one
 * recorded in test/durations.json (a fresh clone has no cache); files known to neither start
 * first, since nothing says they are short.
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
      const key = durationKey(spec.project.name, root, spec.moduleId);
      const measured = this.ctx.cache.getFileTestResults(key)?.duration;
      return measured !== undefined ? measured / 1000 : (recorded[key] ?? UNKNOWN);
    };
    const projects = [...new Set(files.map((spec) => spec.project.name))].sort();
    return [...files].sort((a, b) => {
      const byProject = projects.indexOf(a.project.name) - projects.indexOf(b.project.name);
      return byProject !== 0 ? byProject : duration(b) - duration(a);
    });
  }
}
