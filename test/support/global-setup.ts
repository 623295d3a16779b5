/**
 * Builds the browser pages once before the suite when any test needs them (integration and
 * browser tests serve the real built pages).
 */
import { ensureBuilt } from '../../server/platform/vite-build.ts';

export default async function setup(): Promise<void> {
  await ensureBuilt({ quiet: true });
}
