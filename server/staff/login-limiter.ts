/**
 * Wrong-guess limits for the login, per client address and per account. Past `limit` failures in
 * `windowMs`, each further attempt from that address (or on that account) waits a growing delay
 * and only one runs at a time, so guessing slows to a crawl; yet the password is still checked,
 * and a right one is never refused because of someone else's failures (a whole team behind one
 * NAT, or an attacker hammering the admin account). A wrong guess while limited answers 429.
 */
export interface LoginRateLimit {
  windowMs: number;
  /** Free failures before the delay starts. */
  limit: number;
}

export const DEFAULT_LOGIN_RATE_LIMIT: LoginRateLimit = { windowMs: 5 * 60_000, limit: 10 };
const FIRST_DELAY_MS = 100;
const MAX_DELAY_MS = 30_000;
/** Keys kept at most (oldest dropped), so a flood of addresses cannot grow memory without bound. */
const MAX_KEYS = 50_000;

interface Counter {
  failures: number;
  since: number;
  busy: boolean;
}

export class LoginLimiter {
  private readonly counters = new Map<string, Counter>();

  constructor(
    private readonly limits: LoginRateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** The wait before checking (0 = free), or null when an attempt on the same key is already waiting. */
  admit(keys: string[]): { delayMs: number; limited: boolean; release: () => void } | null {
    const counters = keys.map((key) => this.counter(key));
    const excess = Math.max(0, ...counters.map((c) => c.failures - this.limits.limit + 1));
    if (excess === 0) return { delayMs: 0, limited: false, release: () => {} };
    if (counters.some((c) => c.busy && c.failures >= this.limits.limit)) return null;
    const limitedCounters = counters.filter((c) => c.failures >= this.limits.limit);
    for (const c of limitedCounters) c.busy = true;
    return {
      delayMs: Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(excess - 1, 20)),
      limited: true,
      release: () => limitedCounters.forEach((c) => (c.busy = false)),
    };
  }

  fail(keys: string[]): void {
    for (const key of keys) this.counter(key).failures += 1;
  }

  /** A right password clears its account's count; the address's count stays (others may be guessing). */
  succeed(accountKey: string): void {
    this.counters.delete(accountKey);
  }

  private counter(key: string): Counter {
    const now = this.now();
    let counter = this.counters.get(key);
    if (counter && now - counter.since > this.limits.windowMs && !counter.busy) {
      this.counters.delete(key);
      counter = undefined;
    }
    if (!counter) {
      if (this.counters.size >= MAX_KEYS) this.counters.delete(this.counters.keys().next().value!);
      counter = { failures: 0, since: now, busy: false };
      this.counters.set(key, counter);
    }
    return counter;
  }
}
