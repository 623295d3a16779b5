/**
 * The single sign-on settings checked at boot (--sso-* and SIGNAGE_SSO_*), and the rule that
 * turns a person's claim values into a role.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../server/platform/config.ts';
import { parseRoleMap, roleFromClaim } from '../../server/staff/sso-config.ts';

const ENTRA = {
  SIGNAGE_SSO_ISSUER: 'https://login.microsoftonline.com/0b1c2d3e-tenant/v2.0',
  SIGNAGE_SSO_CLIENT_ID: '7f0e2a4c-client',
  SIGNAGE_SSO_CLIENT_SECRET: 'the-client-secret',
  SIGNAGE_SSO_REDIRECT_URL: 'https://signage.example.org/api/sso/callback',
};

function problem(argv: string[], env: NodeJS.ProcessEnv): string {
  try {
    parseConfig(argv, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).not.toContain('\n');
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('single sign-on settings', () => {
  it('are off without any of them', () => {
    expect(parseConfig([], {}).sso).toBeUndefined();
  });

  it('come from the variables, options winning, with defaults for the rest', () => {
    const { sso } = parseConfig(
      [
        '--sso-role-claim',
        'roles',
        '--sso-role-map',
        'Signage.Admin=admin, Signage.Editor=editor',
        '--sso-name',
        'UNOV',
      ],
      ENTRA,
    );
    expect(sso).toMatchObject({
      clientId: '7f0e2a4c-client',
      clientSecret: 'the-client-secret',
      providerName: 'UNOV',
      scope: 'openid profile email',
      roleClaim: 'roles',
    });
    expect(sso!.issuer.href).toBe(ENTRA.SIGNAGE_SSO_ISSUER);
    expect([...sso!.roleMap]).toEqual([
      ['Signage.Admin', 'admin'],
      ['Signage.Editor', 'editor'],
    ]);
    expect(parseConfig([], ENTRA).sso).toMatchObject({
      providerName: 'login.microsoftonline.com',
      roleClaim: 'groups',
    });
  });

  it.each([
    [
      { SIGNAGE_SSO_ISSUER: ENTRA.SIGNAGE_SSO_ISSUER },
      /needs --sso-client-id .*SIGNAGE_SSO_CLIENT_SECRET.*--sso-redirect-url/,
    ],
    [{ ...ENTRA, SIGNAGE_SSO_CLIENT_SECRET: '' }, /needs SIGNAGE_SSO_CLIENT_SECRET as well/],
    [{ ...ENTRA, SIGNAGE_SSO_ISSUER: 'http://login.example.org' }, /SIGNAGE_SSO_ISSUER must be an https:\/\/ URL/],
    [{ ...ENTRA, SIGNAGE_SSO_ISSUER: 'login.example.org' }, /SIGNAGE_SSO_ISSUER must be a URL/],
    [
      { ...ENTRA, SIGNAGE_SSO_REDIRECT_URL: 'https://signage.example.org/' },
      /must be this server's \/api\/sso\/callback/,
    ],
    [{ ...ENTRA, SIGNAGE_SSO_ROLE_MAP: 'signage-admins=owner' }, /role must be viewer, editor, admin \(got "owner"/],
    [{ ...ENTRA, SIGNAGE_SSO_ROLE_MAP: 'signage-admins' }, /claim=role pairs/],
    [{ ...ENTRA, SIGNAGE_SSO_SCOPE: 'profile email' }, /SIGNAGE_SSO_SCOPE must include openid/],
  ])('%j → one clear line', (env, message) => {
    expect(problem([], env)).toMatch(message);
  });

  it('accept plain http only for a provider on this machine', () => {
    const local = {
      ...ENTRA,
      SIGNAGE_SSO_ISSUER: 'http://127.0.0.1:9000',
      SIGNAGE_SSO_REDIRECT_URL: 'http://localhost:8080/api/sso/callback',
    };
    expect(parseConfig([], local).sso!.issuer.protocol).toBe('http:');
  });
});

describe('the role a claim gives', () => {
  const map = parseRoleMap('signage-admins=admin,signage-editors=editor', 'test');
  it.each([
    [['staff', 'signage-editors'], 'editor'],
    [['signage-editors', 'signage-admins'], 'admin'],
    ['signage-admins', 'admin'],
    [['staff'], 'viewer'],
    [undefined, 'viewer'],
    [[{ not: 'a string' }], 'viewer'],
  ])('%j → %s', (claim, role) => {
    expect(roleFromClaim(claim, map)).toBe(role);
  });
});
