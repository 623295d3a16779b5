/**
 * The stable names of the server's refusals that are not about one field's shape (those are the
 * `field.*` codes of shared/commands.ts) nor an undo's reason (`undo.*`). The server sends one of
 * these as `code` with the params named here; the panel words every one of them in every language
 * (control/data/server-errors.ts), and its catalogue test reads this list, so a new code without
 * words fails there.
 */
export const REFUSAL_PARAMS = {
  /** No unpaired screen shows this pairing code (mistyped, or the screen was paired meanwhile). */
  'pairing.unknown-code': ['code'],
  /**
   * In a cluster, the node showing the code took the pairing but never said how its write ended (it
   * died, or the write hung): the screen may or may not be paired, so staff look before pairing again.
   */
  'pairing.unconfirmed': [],
  /** The screen to rename, reassign or forget is gone (forgotten in another tab). */
  'display.not-found': ['id'],
  /** A screen assigned to (or given directions for) a room that is gone (removed in another tab). */
  'venue.not-found': ['venueId'],
  'account.username-taken': ['username'],
  'account.username-empty': [],
  'account.username-too-long': ['maximum'],
  'account.username-characters': [],
  'account.password-too-short': ['minimum'],
  'account.password-too-long': ['maximum'],
  'account.password-common': [],
  'account.role': ['role'],
  'account.display-name': ['maximum'],
  'account.current-password-wrong': [],
  'account.password-unchanged': [],
  'account.unknown': ['username'],
  'account.last-admin': [],
  'feed.url': [],
  'feed.not-found': ['id'],
  /** The database refused the write (a 503): nothing was changed, and trying again is safe. */
  'store.unavailable': [],
  // Single sign-on (server/staff/sso.ts): a refused person's browser is sent back to the panel's
  // login with the code and these params in a cookie (shared/sso-refusal.ts), and the login form words it.
  'sso.not-configured': [],
  /** No sign-in under way in this browser: never started here, already used, or older than `minutes`. */
  'sso.not-started': ['minutes'],
  'sso.wrong-state': [],
  /** The provider said no (the person cancelled, is not assigned to the app…); `reason` is its own words. */
  'sso.provider-refused': ['reason'],
  'sso.provider-unreachable': ['issuer'],
  /** Mostly a server clock that is off. */
  'sso.token-expired': [],
  'sso.wrong-nonce': [],
  /** The provider would not exchange the code for tokens; `reason` is its own words. */
  'sso.code-refused': ['reason'],
  'sso.unverified': [],
  'sso.account-disabled': [],
} as const satisfies Record<string, readonly string[]>;

export type RefusalCode = keyof typeof REFUSAL_PARAMS;

export const REFUSAL_CODES = Object.keys(REFUSAL_PARAMS) as RefusalCode[];

type ParamsOf<C extends RefusalCode> = Record<(typeof REFUSAL_PARAMS)[C][number], string | number>;

export interface CodedRefusal {
  code: RefusalCode;
  params: Record<string, string | number>;
}

/** A coded refusal as AppError carries it; the params are typed by the code. */
export function refusal<C extends RefusalCode>(
  code: C,
  ...params: (typeof REFUSAL_PARAMS)[C]['length'] extends 0 ? [] : [ParamsOf<C>]
): CodedRefusal & { code: C } {
  return { code, params: params[0] ?? {} };
}
