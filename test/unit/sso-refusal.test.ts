/**
 * What the login page takes from a refused single sign-on: the refusal only from the server's
 * cookie, each param checked as what it is, never anything from the address but the mark.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_PROVIDER_WORDS,
  providerWords,
  readSsoRefusal,
  SSO_REFUSAL_COOKIE,
  SSO_REFUSAL_SEARCH,
  ssoRefusalCookieValue,
} from '../../shared/sso-refusal.ts';

/** The cookie header a browser sends back after the server set this value (express URL-encodes it). */
const cookieOf = (value: string) => `other=1; ${SSO_REFUSAL_COOKIE}=${encodeURIComponent(value)}`;
const said = (code: string, params: Record<string, unknown>) => cookieOf(JSON.stringify({ code, params }));

describe('reading a refused single sign-on', () => {
  it('takes the code and params from the cookie the server set', () => {
    const value = ssoRefusalCookieValue({ code: 'sso.not-started', params: { minutes: 10 } });
    expect(readSsoRefusal(`?${SSO_REFUSAL_SEARCH}`, cookieOf(value))).toEqual({
      refusal: { code: 'sso.not-started', params: { minutes: 10 } },
    });
    expect(readSsoRefusal('', cookieOf(value))).toBeNull();
  });

  it('an address without the cookie, or a cookie whose params do not check, is only "failed"', () => {
    const failed = { refusal: undefined };
    expect(readSsoRefusal('?signin=refused&code=sso.provider-unreachable&issuer=https://evil.example', '')).toEqual(
      failed,
    );
    expect(readSsoRefusal('?signin=refused', said('sso.not-started', { minutes: 'x' }))).toEqual(failed);
    expect(readSsoRefusal('?signin=refused', said('sso.not-started', { minutes: 1.5 }))).toEqual(failed);
    expect(readSsoRefusal('?signin=refused', said('sso.provider-unreachable', { issuer: 'javascript:x' }))).toEqual(
      failed,
    );
    const long = 'x'.repeat(MAX_PROVIDER_WORDS + 1);
    expect(readSsoRefusal('?signin=refused', said('sso.provider-refused', { reason: long }))).toEqual(failed);
    expect(readSsoRefusal('?signin=refused', said('account.unknown', { username: 'x' }))).toEqual(failed);
    expect(readSsoRefusal('?signin=refused', cookieOf('not json'))).toEqual(failed);
  });

  it("cuts the provider's words to the length the page accepts", () => {
    expect(providerWords('access_denied', 'the person cancelled')).toBe('access_denied (the person cancelled)');
    expect(providerWords('access_denied', null)).toBe('access_denied');
    expect(providerWords('e'.repeat(300), 'd'.repeat(300))).toHaveLength(MAX_PROVIDER_WORDS);
  });
});
