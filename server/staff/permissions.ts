/**
 * What each request and each /control socket event needs, in one table. The doors
 * (server/staff/staff-door.ts) look a request up here once, before any handler runs; handlers
 * never check roles. A request that matches no row needs `admin` (default deny), so a route added
 * without a row is safe, and the role test (test/integration/staff-roles.test.ts) fails until
 * the row is written.
 */
import type { Permission } from '../../shared/staff.ts';

export interface RouteRule {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The express route path as the routers declare it, e.g. "/sessions/:id". */
  path: string;
  permission: Permission;
}

export const ROUTE_PERMISSIONS: readonly RouteRule[] = [
  // Public reads: the schedule, the clock and the feeds.
  { method: 'GET', path: '/schedule', permission: 'public' },
  { method: 'GET', path: '/clock', permission: 'public' },
  { method: 'GET', path: '/calendar.ics', permission: 'public' },
  { method: 'GET', path: '/venues/:id/calendar.ics', permission: 'public' },
  { method: 'GET', path: '/export/schedule.csv', permission: 'public' },
  { method: 'GET', path: '/export/schedule.json', permission: 'public' },
  { method: 'POST', path: '/login', permission: 'public' },
  { method: 'POST', path: '/logout', permission: 'public' },
  { method: 'GET', path: '/sso', permission: 'public' },
  { method: 'GET', path: '/sso/login', permission: 'public' },
  { method: 'GET', path: '/sso/callback', permission: 'public' },
  // Anyone signed in, also with a one-time password still to change.
  { method: 'GET', path: '/me', permission: 'signed-in' },
  { method: 'PATCH', path: '/me', permission: 'signed-in' },
  { method: 'POST', path: '/me/password', permission: 'signed-in' },
  // The panel, read-only.
  { method: 'GET', path: '/changes', permission: 'read' },
  { method: 'GET', path: '/displays', permission: 'read' },
  { method: 'GET', path: '/emergency/templates', permission: 'read' },
  { method: 'GET', path: '/feeds', permission: 'read' },
  // Editors.
  { method: 'POST', path: '/sessions', permission: 'edit' },
  { method: 'PATCH', path: '/sessions/:id', permission: 'edit' },
  { method: 'POST', path: '/sessions/:id/delay', permission: 'edit' },
  { method: 'DELETE', path: '/sessions/:id', permission: 'edit' },
  { method: 'PATCH', path: '/venues/:id', permission: 'edit' },
  { method: 'PATCH', path: '/settings', permission: 'edit' },
  { method: 'POST', path: '/announcements', permission: 'edit' },
  { method: 'DELETE', path: '/announcements/:id', permission: 'edit' },
  { method: 'POST', path: '/changes/:revision/undo', permission: 'edit' },
  { method: 'POST', path: '/import/preview', permission: 'edit' },
  { method: 'POST', path: '/import/apply', permission: 'edit' },
  { method: 'POST', path: '/feeds/:id/kept/:sessionId/accept', permission: 'edit' },
  // Taking over every screen: admins and the duty managers they named.
  { method: 'PUT', path: '/emergency', permission: 'emergency' },
  { method: 'DELETE', path: '/emergency', permission: 'emergency' },
  { method: 'PUT', path: '/emergency/templates/:id', permission: 'emergency' },
  // Admins: fleet, settings, accounts.
  { method: 'POST', path: '/displays/pair', permission: 'admin' },
  { method: 'PATCH', path: '/displays/:id', permission: 'admin' },
  { method: 'POST', path: '/displays/:id/identify', permission: 'admin' },
  { method: 'POST', path: '/displays/:id/reload', permission: 'admin' },
  { method: 'DELETE', path: '/displays/:id', permission: 'admin' },
  { method: 'POST', path: '/displays/forget-offline', permission: 'admin' },
  { method: 'PUT', path: '/clock', permission: 'admin' },
  { method: 'POST', path: '/feeds', permission: 'admin' },
  { method: 'DELETE', path: '/feeds/:id', permission: 'admin' },
  { method: 'GET', path: '/accounts', permission: 'admin' },
  { method: 'POST', path: '/accounts', permission: 'admin' },
  { method: 'PATCH', path: '/accounts/:username', permission: 'admin' },
  { method: 'POST', path: '/accounts/:username/reset', permission: 'admin' },
];

/** The /control socket: connecting shows the panel (read); the events it may send. */
export const SOCKET_PERMISSIONS: Readonly<Record<string, Permission>> = {
  connect: 'read',
  'time:sync': 'read',
};

function compile(path: string): RegExp {
  const source = path
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  // Express matches case-insensitively and allows a trailing slash; so does the door.
  return new RegExp(`^${source}/?$`, 'i');
}

const COMPILED = ROUTE_PERMISSIONS.map((rule) => ({ ...rule, pattern: compile(rule.path) }));

/** What a request needs; HEAD is a GET. Unlisted requests need admin. */
export function routePermission(method: string, path: string): Permission {
  const verb = method === 'HEAD' ? 'GET' : method;
  return COMPILED.find((rule) => rule.method === verb && rule.pattern.test(path))?.permission ?? 'admin';
}

/** What a /control socket event needs; unlisted events need admin. */
export function socketPermission(event: string): Permission {
  return SOCKET_PERMISSIONS[event] ?? 'admin';
}
