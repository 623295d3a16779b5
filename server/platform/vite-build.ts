/**
 * Builds the display and control pages with Vite when dist/ is missing or older than any source,
 * so `npm start` on a fresh clone serves current pages without a separate build step.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// This file is server/platform/: the project root is two folders up.
export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DIST = join(ROOT, 'dist');
const SOURCES = ['display', 'control', 'shared', 'index.html', 'vite.config.ts', 'public'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function isBuildStale(): boolean {
  const marker = join(DIST, 'index.html');
  if (!existsSync(marker)) return true;
  const built = statSync(marker).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(ROOT, source)) > built);
}

/**
 * Builds into a private folder and swaps it in, so two processes building at once (parallel test
 * runs, a server starting during a test) never serve a half-written dist/.
 */
export async function ensureBuilt(options: { quiet?: boolean } = {}): Promise<void> {
  if (!isBuildStale()) return;
  const { build } = await import('vite');
  const staging = `${DIST}.build-${process.pid}-${Date.now()}`;
  // Vite takes production mode (minified, Lit without its dev-mode checks) from NODE_ENV, which
  // test runners set to "test": build the pages screens really run whoever starts the build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: options.quiet ? 'warn' : 'info',
      build: { outDir: staging, emptyOutDir: true },
    });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  rmSync(DIST, { recursive: true, force: true });
  try {
    renameSync(staging, DIST);
  } catch {
    // Another process swapped its build in first; ours is equivalent.
    rmSync(staging, { recursive: true, force: true });
  }
}
