/**
 * Live feeds (staff only; the staff door guards every /api route not listed as public):
 *   GET    /api/feeds                                  [{ id, url, lastSyncAt, lastError, failingSince, kept }]
 *   POST   /api/feeds { url }                          adds a feed and syncs it at once → 201 the feed
 *   DELETE /api/feeds/:id                              stops polling it (its sessions stay)
 *   POST   /api/feeds/:id/kept/:sessionId/accept       applies what the feed wanted instead of a kept staff edit
 */
import { Router } from 'express';
import { z } from 'zod';
import { ValidationError, validate } from '../../platform/errors.ts';
import { refusal } from '../../../shared/refusal-codes.ts';
import type { FeedPoller } from './feed-poller.ts';

const NewFeed = z.strictObject({ url: z.url({ protocol: /^https?$/ }).max(2000) });

/** The new feed's URL; one that is not an http(s) address is refused as such, in the panel's words too. */
function newFeedUrl(body: unknown): string {
  try {
    return validate(NewFeed, body).url;
  } catch (error) {
    if (error instanceof ValidationError && error.field === 'url' && error.coded?.code === 'field.invalid')
      throw new ValidationError(error.message, 'url', refusal('feed.url'));
    throw error;
  }
}

export function feedsRouter(poller: FeedPoller): Router {
  const router = Router();
  router.get('/feeds', async (_req, res) => {
    res.json(await poller.list());
  });
  router.post('/feeds', async (req, res) => {
    const url = newFeedUrl(req.body);
    const feed = await poller.add(url);
    await poller.syncNow(feed.id);
    res.status(201).json((await poller.list()).find((f) => f.id === feed.id));
  });
  router.delete('/feeds/:id', async (req, res) => {
    await poller.remove(req.params.id);
    res.status(204).end();
  });
  router.post('/feeds/:id/kept/:sessionId/accept', async (req, res) => {
    await poller.acceptKept(req.params.id, req.params.sessionId);
    res.json((await poller.list()).find((f) => f.id === req.params.id));
  });
  return router;
}
