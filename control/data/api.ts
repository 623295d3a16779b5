/**
 * The panel's REST client. Every call goes through `request`, so an expired staff session is
 * handled in one place: a 401 waits for the staff member to log in again (the panel stays mounted
 * underneath, so nothing typed is lost) and then retries the very same request. Each write carries
 * one Idempotency-Key for the user's action and every retry sends the same one, so a retry of a
 * write whose answer was lost (network cut, server restart) never commits it twice.
 */

import { panelLocale } from '../i18n/panel-locale.ts';
import { refusalText } from './server-errors.ts';

/**
 * A refused request, with the server's JSON body `{ error, field?, code?, params?, ...details }`;
 * its message is in the reader's language when the server coded it.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(refusalText(body, panelLocale.messages) ?? panelLocale.messages.errRefused(status));
    this.name = 'ApiError';
  }
}

export interface ApiErrorBody {
  error: string;
  field?: string;
  /** Present on a 409 when the target room is taken. */
  clash?: { id: string; title: string; start: string; end: string };
  /** Present on an undo's clash refusal: "Undo anyway" (force) would be accepted. */
  forceable?: boolean;
  /** Present on a 409 when expectedVersion was stale. */
  currentVersion?: number;
  /** A stable name of the refusal (`field.too-long`, `undo.changed`) and what it names, for wording it here. */
  code?: string;
  params?: Record<string, string | number | boolean>;
  [detail: string]: unknown;
}

/** Called on a 401; resolves once the staff member has logged in again. */
export type ReauthHandler = () => Promise<void>;

export class ApiClient {
  private reauth: ReauthHandler | null = null;

  constructor(private readonly base = '') {}

  onUnauthorized(handler: ReauthHandler): void {
    this.reauth = handler;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  delete<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('DELETE', path, body);
  }

  /** One attempt, no re-login: used by the login form itself and by the start-up probe. */
  async once<T>(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
    const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
    if (idempotencyKey !== undefined) init.headers = { ...init.headers, 'idempotency-key': idempotencyKey };
    if (body !== undefined) {
      init.headers = { ...init.headers, 'content-type': 'application/json' };
      init.body = JSON.stringify(body);
    }
    let response: Response;
    try {
      response = await fetch(this.base + path, init);
    } catch {
      throw new ApiError(0, { error: panelLocale.messages.errNetwork });
    }
    if (response.ok) {
      const text = await response.text();
      return (text ? JSON.parse(text) : undefined) as T;
    }
    throw new ApiError(response.status, await readErrorBody(response));
  }

  /**
   * A plain fetch with the same re-login retry, for a client that reads responses itself (the
   * import section): one HTTP path for every call, so an expired login never loses a file.
   */
  async fetch(input: string, init: RequestInit): Promise<Response> {
    for (;;) {
      const response = await fetch(input, init);
      if (response.status !== 401 || !this.reauth) return response;
      await this.reauth();
    }
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const key = method === 'GET' ? undefined : newIdempotencyKey();
    let networkRetries = key === undefined ? 0 : NETWORK_RETRIES;
    for (;;) {
      try {
        return await this.once<T>(method, path, body, key);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        // The write may have been committed before the connection broke: the same key makes the retry safe.
        if (error.status === 0 && networkRetries-- > 0) continue;
        if (error.status !== 401 || !this.reauth) throw error;
        await this.reauth();
      }
    }
  }
}

/** A lost answer is retried this many times before the user is told. */
const NETWORK_RETRIES = 2;

/** 128 random bits; getRandomValues (unlike randomUUID) also works on a plain-http LAN address. */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function readErrorBody(response: Response): Promise<ApiErrorBody> {
  try {
    const body = (await response.json()) as Partial<ApiErrorBody>;
    if (body && typeof body.error === 'string') return body as ApiErrorBody;
  } catch {
    // Not JSON (a proxy's error page, say): fall through to a generic message.
  }
  return { error: panelLocale.messages.errRefused(response.status) };
}
