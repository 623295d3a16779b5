/**
 * The built pages in dist/. In development, Vite (a dev dependency) rebuilds them when dist/ is
 * missing or older than any source, so `npm run demo` on a fresh clone serves current pages. In
 * production (NODE_ENV=production, or an install without dev dependencies) the server only serves
 * what `npm run build` made, and never loads Vite.
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

export const NOT_BUILT = 'the pages are not built: run npm run build first';

export type PagesPlan =
  { action: 'serve'; warning?: string } | { action: 'build' } | { action: 'fail'; message: string };

/** What to do about dist/ at start; pure, so every combination is unit-tested. */
export function planPages(state: {
  production: boolean;
  built: boolean;
  stale: boolean;
  viteAvailable: boolean;
}): PagesPlan {
  const staleWarning = 'dist/ is older than the sources: run npm run build to serve the current pages';
  if (state.production || !state.viteAvailable) {
    if (!state.built) return { action: 'fail', message: NOT_BUILT };
    return state.stale ? { action: 'serve', warning: staleWarning } : { action: 'serve' };
  }
  return state.stale ? { action: 'build' } : { action: 'serve' };
}

/** True when Vite can be loaded (an install with dev dependencies); never imports it. */
export function isViteAvailable(): boolean {
  try {
    import.meta.resolve('vite');
    return true;
  } catch {
    return false;
  }
}

export function isBuilt(): boolean {
  return existsSync(join(DIST, 'index.html'));
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
