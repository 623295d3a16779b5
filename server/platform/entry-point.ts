/**
 * Whether a module is the program node was started with (`node --import tsx FILE`), rather than
 * imported by the server or a test that calls its run function in-process. Compared through
 * realpath, so a symlinked checkout or a relative argv[1] still counts.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function isEntryPoint(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
