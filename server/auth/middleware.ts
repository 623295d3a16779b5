/**
 * The two doors where staff access is checked, once, before any handler runs:
 * an express middleware in front of every /api route and a socket.io middleware on /control.
 * Read is public; every write, the journal and the fleet view are staff-only.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Socket } from 'socket.io';
import type { Actor } from '../domain/types.ts';
import type { StaffAuth, StaffSession } from './staff-auth.ts';

/** Reads that still reveal staff-only information (who changed what; which screens exist). */
const STAFF_READS = /^\/(changes|displays)(\/|$)/;
/** Writes anyone may send: logging in, and logging out (harmless without a session). */
const PUBLIC_WRITES = /^\/(login|logout)\/?$/;

export function isPublicRequest(method: string, path: string): boolean {
  if (method === 'GET' || method === 'HEAD') return !STAFF_READS.test(path);
  return method === 'POST' && PUBLIC_WRITES.test(path);
}

/** Mount on /api: lets public requests through and stops every other one without a staff session. */
export function staffDoor(auth: StaffAuth) {
  return (req: Request, res: Response, next: NextFunction): void => {
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
  return { name: session.actor };
}

/** socket.io namespace middleware: the handshake must carry a valid staff session cookie. */
export function staffSocketDoor(auth: StaffAuth) {
  return (socket: Socket, next: (error?: Error) => void): void => {
    const session = auth.sessionFromCookies(socket.handshake.headers.cookie);
    if (!session) return next(new Error('staff login required'));
    socket.data.staff = session;
    next();
  };
}
