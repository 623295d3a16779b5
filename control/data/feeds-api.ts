/** The live feeds routes (staff): list, add, remove, accept what a feed wanted. */
import type { FeedStatus } from '../../shared/feeds.ts';
import { panelLocale } from '../i18n/panel-locale.ts';
import { refusalText } from './server-errors.ts';
import type { ApiErrorBody } from './api.ts';

export class FeedsApiError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'FeedsApiError';
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  } catch {
    throw new FeedsApiError(panelLocale.messages.errNetwork);
  }
  if (response.status === 204) return undefined as T;
  const answer = (await response.json().catch(() => ({}))) as Partial<ApiErrorBody>;
  if (!response.ok) {
    const worded = answer.error === undefined ? undefined : refusalText(answer as ApiErrorBody, panelLocale.messages);
    throw new FeedsApiError(worded ?? panelLocale.messages.feedFailed(response.status), answer.field);
  }
  return answer as T;
}

export const feedsApi = {
  list: () => call<FeedStatus[]>('GET', '/api/feeds'),
  add: (url: string) => call<FeedStatus>('POST', '/api/feeds', { url }),
  remove: (id: string) => call<void>('DELETE', `/api/feeds/${encodeURIComponent(id)}`),
  accept: (id: string, sessionId: string) =>
    call<FeedStatus>('POST', `/api/feeds/${encodeURIComponent(id)}/kept/${encodeURIComponent(sessionId)}/accept`, {}),
};
