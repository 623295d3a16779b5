/**
 * The panel's client for the live feeds routes (staff): list, add, remove, accept what a feed
 * wanted. Through the panel's ApiClient, so an expired login asks to log in again and retries,
 * writes carry their idempotency key, and refusals are worded in the reader's language (ApiError).
 */
import type { FeedStatus } from '../../shared/feeds.ts';
import type { ApiClient } from './api.ts';

export class FeedsApi {
  constructor(private readonly api: ApiClient) {}

  list(): Promise<FeedStatus[]> {
    return this.api.get<FeedStatus[]>('/api/feeds');
  }

  add(url: string): Promise<FeedStatus> {
    return this.api.post<FeedStatus>('/api/feeds', { url });
  }

  remove(id: string): Promise<void> {
    return this.api.delete<void>(`/api/feeds/${encodeURIComponent(id)}`);
  }

  /** Takes the feed's value for a session a staff edit had kept. */
  accept(id: string, sessionId: string): Promise<FeedStatus> {
    return this.api.post<FeedStatus>(
      `/api/feeds/${encodeURIComponent(id)}/kept/${encodeURIComponent(sessionId)}/accept`,
      {},
    );
  }
}
