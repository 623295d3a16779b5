/**
 * Idempotent writes, applied once at the /api door: a write sent with an `Idempotency-Key` header
 * whose key was seen in the last 24 h gets the first answer again (status and body, with
 * `Idempotent-Replayed: true`) and commits nothing. A schedule change claims its key in its own
 * transaction (through the request's actor, see staffActor), so even when a crash cut the answer
 * the retry finds the change done; the answer is stored once it has been sent. Server errors are
 * not kept: a retry after a 5xx is tried again.
 */
import type { NextFunction, Request, Response } from 'express';
import type { IdempotencyClaim, IdempotencyStore, StoredAnswer } from '../schedule/store/idempotency-keys.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY = /^[\x21-\x7e]{1,200}$/;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Logging in and out set and clear cookies: replaying one would hand out a session again. */
const NOT_REPLAYED = /^\/(login|logout)\/?$/i;

/** The claim of this request, for the change it commits (undefined without a key). */
export function idempotencyClaim(res: Response): IdempotencyClaim | undefined {
  return res.locals.idempotency as IdempotencyClaim | undefined;
}

export function idempotentWrites(
  store: IdempotencyStore | undefined,
  onError: (error: unknown) => void,
  now: () => number = Date.now,
) {
  // Keys whose first request is still being answered: a parallel retry must not run it twice.
  const inFlight = new Set<string>();
  return (req: Request, res: Response, next: NextFunction): void => {
    const key = req.get(IDEMPOTENCY_HEADER);
    if (key === undefined || !store || !WRITES.has(req.method) || NOT_REPLAYED.test(req.path)) return next();
    if (!KEY.test(key)) {
      res
        .status(400)
        .json({ error: 'Idempotency-Key: must be 1-200 visible ASCII characters', field: 'Idempotency-Key' });
      return;
    }
    const request = `${req.method} ${req.baseUrl}${req.path}`;
    if (inFlight.has(key)) {
      res.status(409).json({
        error: 'Idempotency-Key: a request with this key is still being answered; retry shortly',
        field: 'Idempotency-Key',
      });
      return;
    }
    // Held from here: a parallel retry must not pass while the stored answer is being read.
    inFlight.add(key);
    store.find(key, now()).then(
      (stored) => (stored ? replay(stored) : proceed()),
      (error: unknown) => {
        inFlight.delete(key);
        next(error);
      },
    );

    function replay(stored: StoredAnswer): void {
      inFlight.delete(key!);
      if (stored.request !== request) {
        res.status(422).json({
          error: `Idempotency-Key: this key was used for ${stored.request}; use a new key per request`,
          field: 'Idempotency-Key',
        });
        return;
      }
      res.setHeader('Idempotent-Replayed', 'true');
      // The change committed but the answer never left (a crash in between): say so.
      if (stored.status === undefined) res.status(200).json({ revision: stored.revision, replayed: true });
      else if (stored.body === undefined) res.status(stored.status).end();
      else res.status(stored.status).json(stored.body);
    }

    function proceed(): void {
      const claim: IdempotencyClaim = { key: key!, request, at: now() };
      res.locals.idempotency = claim;
      let body: unknown;
      const json = res.json.bind(res);
      res.json = (value: unknown) => {
        body = value;
        return json(value);
      };
      const settle = () => {
        // The answer was sent; a change it made keeps its claim, so a retry still commits nothing.
        const recorded = res.statusCode >= 500 ? Promise.resolve() : store!.answer(claim, res.statusCode, body);
        recorded.catch(onError).finally(() => inFlight.delete(key!));
      };
      res.once('finish', settle);
      res.once('close', () => {
        if (!res.writableFinished) inFlight.delete(key!);
      });
      next();
    }
  };
}
