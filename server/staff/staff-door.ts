/**
 * The two doors where staff access is checked, once, before any handler runs: an express
 * middleware in front of every /api route and a socket.io middleware on /control. What each
 * request needs comes from one table (server/staff/permissions.ts).
 */
import type { NextFunction, Request, Response } from 'express';
import type { Socket } from 'socket.io';
import type { Actor } from '../schedule/service-types.ts';
import { allows, type Permission } from '../../shared/staff.ts';
import { routePermission, socketPermission } from './permissions.ts';
import type { StaffAuth, StaffSession } from './staff-auth.ts';
import { idempotencyClaim } from '../platform/idempotency.ts';

export function isPublicRequest(method: string, path: string): boolean {
  return routePermission(method, path) === 'public';
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

const REFUSALS: Record<Exclude<Permission, 'public' | 'signed-in' | 'read'>, string> = {
  edit: 'your role may only view; ask an admin for editor rights',
  emergency: 'emergency takeover needs an admin or an emergency grant',
  admin: 'only an admin may do this',
};

/** Why a session may not do this, or null when it may. */
export function refusal(session: StaffSession, permission: Permission): string | null {
  if (session.mustChangePassword && permission !== 'signed-in' && permission !== 'public') {
    return 'change your one-time password first (POST /api/me/password)';
  }
  if (allows(session, permission)) return null;
  return REFUSALS[permission as keyof typeof REFUSALS];
}

/** Mount on /api: public requests pass; others need a session whose role allows them (else 401/403). */
export function staffDoor(auth: StaffAuth) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (isCrossOriginWrite(req)) {
      res.status(403).json({ error: 'cross-origin request refused' });
      return;
    }
    const session = await auth.sessionFromCookies(req.headers.cookie);
    if (session) res.locals.staff = session;
    const permission = routePermission(req.method, req.path);
    if (permission === 'public') return next();
    if (!session) {
      res.status(401).json({ error: 'staff login required' });
      return;
    }
    const refused = refusal(session, permission);
    if (refused) {
      res.status(403).json({ error: refused });
      return;
    }
    next();
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
  return { name: session.actor, displayName: session.displayName, idempotency: idempotencyClaim(res) };
}

/**
 * socket.io namespace middleware: the handshake must come from this server's pages (the channel
 * pushes the staff snapshot unasked, so even reading it from another origin is refused) and carry
 * a valid session allowed to see the
 * panel, and each event the socket sends is checked against the same table (an event the role
 * may not send is dropped with an error to the sender).
 */
export function staffSocketDoor(auth: StaffAuth) {
  const admit = async (socket: Socket): Promise<void> => {
    if (isCrossOrigin(socket.handshake.headers)) throw new Error('cross-origin connection refused');
    const session = await auth.sessionFromCookies(socket.handshake.headers.cookie);
    if (!session) throw new Error('staff login required');
    const refused = refusal(session, socketPermission('connect'));
    if (refused) throw new Error(refused);
    socket.data.staff = session;
    socket.use(([event], proceed) => {
      auth.check(socket.data.staff as StaffSession).then(
        (current) => {
          const denied = current ? refusal(current, socketPermission(String(event))) : 'staff login required';
          proceed(denied ? new Error(denied) : undefined);
        },
        // The store could not say: refuse rather than let an unchecked event through.
        () => proceed(new Error('cannot check the staff session now; try again')),
      );
    });
  };
  return (socket: Socket, next: (error?: Error) => void): void => {
    admit(socket).then(
      () => next(),
      (error: Error) => next(error),
    );
  };
}
