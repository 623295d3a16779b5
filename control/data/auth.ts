/**
 * Who is logged in, and the wait for a re-login when the staff session expires mid-work.
 * State changes are announced as an "auth" event so the root component can switch views.
 */
import { ApiError, type ApiClient } from './api.ts';
import type { SsoAnswer } from '../../shared/staff.ts';
import { readSsoRefusal, ssoRefusalCookieDeletion, type SsoRefusalInAddress } from '../../shared/sso-refusal.ts';

/** Where the browser goes to sign in through the venue's directory (server/staff/sso-routes.ts). */
export const SSO_LOGIN_URL = '/api/sso/login';

/**
 * The refusal a failed single sign-on brought back (the mark in the address, the refusal in a
 * cookie), taken once: the address is cleaned and the cookie deleted at once, so a reload or a
 * bookmark does not show it again.
 */
export function takeSsoRefusal(): SsoRefusalInAddress | null {
  const found = readSsoRefusal(location.search, document.cookie);
  if (found) {
    history.replaceState(history.state, '', location.pathname + location.hash);
    document.cookie = ssoRefusalCookieDeletion(location.protocol === 'https:');
  }
  return found;
}

export type AuthState = 'checking' | 'logged-out' | 'logged-in' | 'expired';

const NAME_KEY = 'signage.staffName';

export class AuthGate extends EventTarget {
  state: AuthState = 'checking';
  private waiters: Array<() => void> = [];

  constructor(private readonly api: ApiClient) {
    super();
    api.onUnauthorized(() => this.expire());
  }

  /** The username last used on this device, to prefill the login form. */
  get rememberedName(): string {
    try {
      return localStorage.getItem(NAME_KEY) ?? '';
    } catch {
      return '';
    }
  }

  /** Asks a staff-only endpoint whether the cookie we have (if any) is still good. */
  async check(): Promise<void> {
    try {
      await this.api.once('GET', '/api/displays');
      this.set('logged-in');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.set('logged-out');
      else throw error;
    }
  }

  /** Throws ApiError (401 for a wrong password) so the form can show why. */
  /** An empty username signs in as `admin`, as the single-password panels did. */
  async login(password: string, name: string): Promise<void> {
    const body: { password: string; username?: string } = { password };
    if (name.trim()) body.username = name.trim();
    await this.api.once('POST', '/api/login', body);
    try {
      localStorage.setItem(NAME_KEY, name.trim());
    } catch {
      // Private mode: the name is simply not remembered.
    }
    this.set('logged-in');
    const waiters = this.waiters;
    this.waiters = [];
    for (const resume of waiters) resume();
  }

  /** The sign-in provider's name when the server offers single sign-on, else null. */
  async singleSignOn(): Promise<string | null> {
    try {
      const answer = await this.api.once<SsoAnswer>('GET', '/api/sso');
      return answer.enabled ? answer.providerName : null;
    } catch {
      // A server of an older version, or offline: the password form is still there.
      return null;
    }
  }

  async logout(): Promise<void> {
    try {
      await this.api.once('POST', '/api/logout');
    } finally {
      this.set('logged-out');
    }
  }

  /** The session expired while working: ask for the password again, keep the panel as it is. */
  expire(): Promise<void> {
    if (this.state === 'logged-in') this.set('expired');
    else if (this.state === 'checking') this.set('logged-out');
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private set(state: AuthState): void {
    this.state = state;
    this.dispatchEvent(new Event('auth'));
  }
}
