/**
 * OpenID Connect sign-in with openid-client: authorization code + PKCE, with state and nonce. A
 * started sign-in is kept here (in memory, one use, ten minutes) under a random id the browser
 * holds in a cookie; the provider's answer must come back to the same browser with the same
 * state, and the ID token must carry the same nonce. What comes out is the person's identity;
 * server/staff/sso-accounts.ts turns it into an account.
 */
import { randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import { roleFromClaim, type SsoSettings } from './sso-config.ts';
import type { Role } from '../../shared/staff.ts';
import { refusal } from '../../shared/refusal-codes.ts';
import { providerWords, type SsoRefusal } from '../../shared/sso-refusal.ts';

/** A sign-in started but not finished is abandoned after this long. */
export const SSO_FLOW_LIFETIME_MS = 10 * 60_000;
/** Pending sign-ins kept at most (the oldest go first): a flood of /sso/login cannot fill memory. */
const MAX_PENDING_FLOWS = 1000;

/**
 * Why a sign-in failed, with the HTTP status it answers (400 a bad request, 401 not authenticated),
 * the English message for logs and scripts, and the code the panel words for a person.
 */
export class SsoError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 502,
    message: string,
    readonly coded: SsoRefusal,
  ) {
    super(message);
    this.name = 'SsoError';
  }
}

export interface SsoIdentity {
  issuer: string;
  subject: string;
  /** A name for the account: preferred_username, else email, else the subject. */
  usernameHint: string;
  displayName: string;
  role: Role;
}

interface PendingFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  expiresAt: number;
}

export class SingleSignOn {
  private configuration: Promise<oidc.Configuration> | undefined;
  private readonly pending = new Map<string, PendingFlow>();

  constructor(
    readonly settings: SsoSettings,
    private readonly now: () => number = Date.now,
  ) {}

  get providerName(): string {
    return this.settings.providerName;
  }

  /** Starts a sign-in: the flow id for the browser's cookie and the provider URL to send it to. */
  async begin(): Promise<{ flowId: string; url: URL }> {
    const config = await this.discover();
    const flow: PendingFlow = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      expiresAt: this.now() + SSO_FLOW_LIFETIME_MS,
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUrl.href,
      scope: this.settings.scope,
      response_type: 'code',
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.codeVerifier),
      code_challenge_method: 'S256',
    });
    const flowId = randomBytes(24).toString('base64url');
    this.prune();
    this.pending.set(flowId, flow);
    return { flowId, url };
  }

  /**
   * Finishes a sign-in from the provider's answer (the callback's query string) and the flow id
   * of the browser's cookie. The flow is used up whatever the outcome: a replay finds nothing.
   */
  async finish(flowId: string | undefined, query: URLSearchParams): Promise<SsoIdentity> {
    const flow = flowId === undefined ? undefined : this.pending.get(flowId);
    if (flowId !== undefined) this.pending.delete(flowId);
    if (!flow || flow.expiresAt <= this.now()) {
      const minutes = SSO_FLOW_LIFETIME_MS / 60_000;
      throw new SsoError(
        400,
        `this sign-in was not started in this browser, or it took longer than ${minutes} minutes; start again`,
        refusal('sso.not-started', { minutes }),
      );
    }
    // The provider's own refusal (the person cancelled, is not assigned to the app…), said as it said it.
    const providerError = query.get('error');
    if (providerError !== null) {
      if (query.get('state') !== flow.state) throw stateMismatch();
      const reason = providerWords(providerError, query.get('error_description'));
      throw new SsoError(401, `the sign-in provider refused: ${reason}`, refusal('sso.provider-refused', { reason }));
    }
    if (query.get('state') !== flow.state) throw stateMismatch();

    const config = await this.discover();
    const currentUrl = new URL(this.settings.redirectUrl);
    currentUrl.search = query.toString();
    let tokens;
    try {
      tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw explain(error);
    }
    const claims = tokens.claims()!;
    let roleClaim = claims[this.settings.roleClaim];
    let profile: Record<string, unknown> = claims;
    if (roleClaim === undefined || claims.name === undefined) {
      // Some providers put profile claims only in the userinfo answer (OpenID Connect's default for the code flow).
      try {
        const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
        profile = { ...info, ...claims };
        roleClaim ??= info[this.settings.roleClaim];
      } catch {
        // No userinfo endpoint or no answer: the ID token is all there is.
      }
    }
    const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
    const usernameHint = text(profile.preferred_username) ?? text(profile.email) ?? claims.sub;
    return {
      issuer: claims.iss,
      subject: claims.sub,
      usernameHint,
      displayName: text(profile.name) ?? usernameHint,
      role: roleFromClaim(roleClaim, this.settings.roleMap),
    };
  }

  /** The provider's metadata, fetched once; a failed fetch is tried again at the next sign-in. */
  private discover(): Promise<oidc.Configuration> {
    this.configuration ??= this.fetchConfiguration().catch((error: unknown) => {
      this.configuration = undefined;
      const issuer = this.settings.issuer.href;
      throw new SsoError(
        502,
        `cannot reach the sign-in provider at ${issuer}: ${(error as Error).message}`,
        refusal('sso.provider-unreachable', { issuer }),
      );
    });
    return this.configuration;
  }

  private async fetchConfiguration(): Promise<oidc.Configuration> {
    const { issuer, clientId, clientSecret, clockSkewSeconds } = this.settings;
    const metadata: Partial<oidc.ClientMetadata> = { client_secret: clientSecret };
    if (clockSkewSeconds !== undefined) metadata[oidc.clockSkew] = clockSkewSeconds;
    // config.ts admits plain http only for a provider on this machine.
    const execute = issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [];
    return oidc.discovery(issuer, clientId, metadata, oidc.ClientSecretBasic(clientSecret), { execute });
  }

  private prune(): void {
    const now = this.now();
    for (const [id, flow] of this.pending) if (flow.expiresAt <= now) this.pending.delete(id);
    while (this.pending.size >= MAX_PENDING_FLOWS) this.pending.delete(this.pending.keys().next().value!);
  }
}

function stateMismatch(): SsoError {
  return new SsoError(
    400,
    'the answer from the sign-in provider does not belong to this sign-in (wrong state)',
    refusal('sso.wrong-state'),
  );
}

/** openid-client's failures in words a person at the door can act on. */
function explain(error: unknown): SsoError {
  if (error instanceof SsoError) return error;
  const code = (error as { code?: string }).code;
  // openid-client words it generally; the detail (which claim, how) is its cause's.
  const cause = (error as { cause?: { message?: string; cause?: { claim?: string } } }).cause;
  const message = cause?.message ?? (error as Error).message ?? String(error);
  if (code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') {
    return new SsoError(
      401,
      `the ID token has expired or is not valid yet (check the server's clock): ${message}`,
      refusal('sso.token-expired'),
    );
  }
  if (code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' && cause?.cause?.claim === 'nonce') {
    return new SsoError(401, 'the ID token was not issued for this sign-in (wrong nonce)', refusal('sso.wrong-nonce'));
  }
  if (error instanceof oidc.ResponseBodyError) {
    const reason = providerWords(error.error, error.error_description);
    return new SsoError(
      401,
      `the sign-in provider refused the code: ${reason}`,
      refusal('sso.code-refused', { reason }),
    );
  }
  // The detail (openid-client's English) is for the log; the person can only start again or ask.
  return new SsoError(401, `the sign-in could not be verified: ${message}`, refusal('sso.unverified'));
}
