/**
 * How long each test file took in the last full recorded run (`npm run test:durations`), kept in
 * the repository so that a fresh clone (CI) also starts the longest files first. Keys are the
 * files' paths from the repository root; values are seconds.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DURATIONS_FILE = fileURLToPath(new URL('../durations.json', import.meta.url));

export type Durations = Record<string, number>;

export function readDurations(): Durations {
  return existsSync(DURATIONS_FILE) ? (JSON.parse(readFileSync(DURATIONS_FILE, 'utf8')) as Durations) : {};
}

export function writeDurations(durations: Durations): void {
  const sorted = Object.fromEntries(Object.entries(durations).sort(([a], [b]) => (a < b ? -1 : 1)));
  writeFileSync(DURATIONS_FILE, `${JSON.stringify(sorted, null, 2)}\n`);
}

export function durationKey(root: string, moduleId: string): string {
  return relative(root, moduleId);
}
