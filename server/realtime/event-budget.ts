/**
 * Per-socket event budget for the public /display namespace: a token bucket kept in two numbers
 * on the socket (thousands of screens: no per-socket objects or timers). A screen sends a handful
 * of events a minute (time syncs, rendered and status reports, the odd resync); a socket that
 * sends far more is broken or hostile and is disconnected before it can slow the server down for
 * every other screen.
 */

export interface EventBudget {
  /** Events a socket may send in a burst. */
  burst: number;
  /** Events per second it earns back. */
  perSecond: number;
}

/** Generous for a real screen (a reconnect catch-up, a page that re-renders at every delta). */
export const DISPLAY_EVENT_BUDGET: EventBudget = { burst: 300, perSecond: 20 };

export interface BudgetState {
  eventTokens?: number;
  eventTokensAt?: number;
}

/** Spends one event of the budget; false when the socket has none left. */
export function spendEvent(state: BudgetState, budget: EventBudget, now: number): boolean {
  const last = state.eventTokensAt ?? now;
  const tokens = Math.min(budget.burst, (state.eventTokens ?? budget.burst) + ((now - last) / 1000) * budget.perSecond);
  state.eventTokensAt = now;
  if (tokens < 1) {
    state.eventTokens = tokens;
    return false;
  }
  state.eventTokens = tokens - 1;
  return true;
}
