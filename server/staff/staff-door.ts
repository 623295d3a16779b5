/**
 * The two doors where staff access is checked, once, before any handler runs:
 * an express middleware in front of every /api route and a socket.io middleware on /control.
 * Read of the schedule and its feeds is public; everything else is staff-only.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Socket } from 'socket.io';
import type { Actor } from '../schedule/service-types.ts';
import type { StaffAuth, StaffSession } from './staff-auth.ts';
import { idempotencyClaim } from '../platform/idempotency.ts';

/**
 * The reads anyone may make: the schedule, the clock and the public feeds. Everything else under
 * /api (the journal, the fleet, any route added later) is staff-only unless listed here. Express
 * matches routes case-insensitively, so this check does too.
 */
const PUBLIC_READS = /^\/(schedule|clock|calendar\.ics|venues\/[^/]+\/calendar\.ics|export\/schedule\.(csv|json))\/?$/i;
/** Writes anyone may send: logging in, and logging out (harmless without a session). */
const PUBLIC_WRITES = /^\/(login|logout)\/?$/i;

export function isPublicRequest(method: string, path: string): boolean {
  if (method === 'GET' || method === 'HEAD') return PUBLIC_READS.test(path);
  return method === 'POST' && PUBLIC_WRITES.test(path);
}

/** The request headers the origin check reads (an express request's or a socket.io handshake's). */
export type RequestHeaders = Record<string, string | string[] | undefined>;

function header(headers: RequestHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Did a browser send this from a page of another origin? SameSite=Strict cookies already stay
 * home, but another port on the same host is the same "site"; browsers say where a request came
 * from in Sec-Fetch-Site (and Origin). Clients that send neither (curl, scripts) are not browsers
 * and carry no ambient cookie risk. The one rule for both doors: HTTP writes and the /control
 * socket (whose handshake, polling or WebSocket, carries these headers too).
 */
export function isCrossOrigin(headers: RequestHeaders): boolean {
  const site = header(headers, 'sec-fetch-site');
  if (site !== undefined) return site !== 'same-origin' && site !== 'none';
  const origin = header(headers, 'origin');
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== header(headers, 'host');
  } catch {
    return true;
  }
}

/** A write must come from a page of this server; reads are harmless (the answer stays with the other page's browser). */
export function isCrossOriginWrite(req: Request): boolean {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return false;
  return isCrossOrigin(req.headers);
}

/** Mount on /api: lets public requests through and stops every other one without a staff session. */
export function staffDoor(auth: StaffAuth) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (isCrossOriginWrite(req)) {
      res.status(403).json({ error: 'cross-origin request refused' });
      return;
    }
    const session = auth.sessionFromCookies(req.headers.cookie);
    if (session) res.locals.staff = session;
    if (session || isPublicRequest(req.method, req.path)) return next();
    res.status(401).json({ error: 'staff login required' });
  };
}

/** The session the door admitted (only set on staff routes and for logged-in callers). */
export function staffSession(res: Response): StaffSession | undefined {
  return res.locals.staff as StaffSession | undefined;
}

/** The journal actor of a staff request; the door guarantees a session on staff routes. */
export function staffActor(res: Response): Actor {
  const session = staffSession(res);
  if (!session) throw new Error('staffActor called on a route the staff door does not guard');
  return { name: session.actor, idempotency: idempotencyClaim(res) };
}

/**
 * socket.io namespace middleware: the handshake must come from this server's pages and carry a
 * valid staff session cookie. The channel pushes the staff snapshot (hidden passcodes included)
 * unasked, so even "reading" it from another origin is refused.
 */
export function staffSocketDoor(auth: StaffAuth) {
  return (socket: Socket, next: (error?: Error) => void): void => {
    if (isCrossOrigin(socket.handshake.headers)) return next(new Error('cross-origin connection refused'));
    const session = auth.sessionFromCookies(socket.handshake.headers.cookie);
    if (!session) return next(new Error('staff login required'));
    socket.data.staff = session;
    next();
  };
}
