/**
 * Takes announcements down when they expire, on the server clock: one timer armed for the next
 * expiry, converted to real milliseconds at the clock's speed, and re-armed after every change
 * and every clock change (a time warp may jump past an expiry, or move away from it). In a
 * cluster it fires on the leader only (service.leadership()).
 */
import type { ServerClock } from '../platform/server-clock.ts';
import type { ScheduleService } from './service-types.ts';
import type { Logger } from '../platform/logger.ts';

const MAX_TIMEOUT = 2 ** 31 - 1;
/** When the expiry time has already come, still yield first: expiring is itself a change that re-arms. */
const MIN_DELAY = 5;
const RETRY_DELAY = 60_000;

export function startExpiryTimer(service: ScheduleService, clock: ServerClock, logger: Logger) {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  function arm(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (stopped) return;
    const next = service.nextExpiry();
    if (next === null) return;
    const wait = next - clock.now();
    const { speed } = clock.state();
    // A frozen clock never reaches a future expiry; the next clock change re-arms.
    if (wait > 0 && speed === 0) return;
    const delay = wait <= 0 ? MIN_DELAY : Math.min(Math.ceil(wait / speed), MAX_TIMEOUT);
    timer = setTimeout(fire, Math.max(delay, MIN_DELAY));
  }

  function fire(): void {
    timer = undefined;
    // In a cluster only the leader expires (once for everyone); the others re-arm when the
    // leader's change reaches them, or take over when they become the leader.
    if (stopped || !service.leadership().isLeader()) return;
    service.expireAnnouncements().then(
      // The expiry's own change re-arms through onChange; nothing expired re-arms here.
      (result) => {
        if (!result) arm();
      },
      (error: unknown) => {
        logger.error('could not expire announcements; retrying in a minute', error);
        if (!stopped) timer = setTimeout(fire, RETRY_DELAY);
      },
    );
  }

  const unsubscribeService = service.onChange(arm);
  const unsubscribeClock = clock.onChange(arm);
  const unsubscribeLeader = service.leadership().onChange(arm);
  arm();

  return {
    stop(): void {
      stopped = true;
      unsubscribeService();
      unsubscribeClock();
      unsubscribeLeader();
      if (timer) clearTimeout(timer);
    },
  };
}
