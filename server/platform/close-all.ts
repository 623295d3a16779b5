/**
 * Closing what a start opened: newest first (the application, with its pending screen reports,
 * before the service and the stores it writes to), going on past a failure so that what was
 * opened earlier (the stores) is closed whatever failed after it. Each failure is logged; the
 * whole never rejects, so a stop on SIGTERM ends as a clean exit.
 */
import type { Logger } from './logger.ts';

export async function closeAll(
  closers: ReadonlyArray<() => Promise<unknown>>,
  log: Pick<Logger, 'error'>,
): Promise<void> {
  for (const close of [...closers].reverse()) {
    try {
      await close();
    } catch (error) {
      log.error('could not close part of the server; closing the rest', error);
    }
  }
}
