/**
 * One log line per HTTP request, with a request id (the caller's X-Request-Id when it is a sane
 * token, else a fresh one, echoed in the answer) that the error handler's lines carry too.
 * Only the method, route pattern, path without its query, status and duration are logged:
 * never headers or bodies, where cookies and passwords travel.
 */
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from './logger.ts';

const INCOMING_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const REQUEST_ID = Symbol('requestId');

type WithRequestId = Response & { [REQUEST_ID]?: string };

export function requestIdOf(res: Response): string | undefined {
  return (res as WithRequestId)[REQUEST_ID];
}

/**
 * The matched route's pattern (`/api/sessions/:id`), never the raw URL: metrics labels and log
 * fields stay few whatever clients send. Requests no route matched are 'static' (pages, assets)
 * or 'unmatched' (an unknown /api path).
 */
export function routePattern(req: Request): string {
  const route = (req as Request & { route?: { path?: unknown } }).route;
  const isApi = req.originalUrl === '/api' || req.originalUrl.startsWith('/api/');
  if (!route || typeof route.path !== 'string') return isApi ? 'unmatched' : 'static';
  // Express restores baseUrl when an error leaves a router; the one mount point (/api) is known.
  const base = req.baseUrl || (isApi ? '/api' : '');
  return base + route.path;
}

export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    (res as WithRequestId)[REQUEST_ID] = id;
    res.setHeader('X-Request-Id', id);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const fields = {
        reqId: id,
        method: req.method,
        route: routePattern(req),
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      };
      // A 500's cause is logged as an error by the error handler; 503 (not ready) is no bug.
      if (res.statusCode >= 500) logger.warn('request answered with a server error', fields);
      else logger.info('request', fields);
    });
    next();
  };
}
