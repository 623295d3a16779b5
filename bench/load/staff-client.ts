/**
 * What the benches do as staff: sign in, then retitle the bench session through the REST API
 * (a PATCH, as the control panel sends it). Used by the load generator's clients and by benches
 * that write from the parent process (several nodes, a steady stream of writes).
 */
import { mustFetch } from './pool.ts';

/** The title of change N: fixed length, so every delta has the same size. */
export function benchTitle(revision: number): string {
  return `Bench change ${String(revision).padStart(6, '0')}`;
}

/** POST /api/login; resolves with the session cookie (name=value) to send with each write. */
export async function signIn(url: string, password: string): Promise<string> {
  const login = await mustFetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ password, name: 'bench' }),
  });
  return login.headers.getSetCookie()[0]!.split(';')[0]!;
}

/** PATCH /api/sessions/:id with the title of change `label`; resolves with the revision it was given. */
export async function retitle(url: string, cookie: string, sessionId: string, label: number): Promise<number> {
  const response = await mustFetch(`${url}/api/sessions/${encodeURIComponent(sessionId)}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ title: benchTitle(label) }),
  });
  return ((await response.json()) as { revision: number }).revision;
}
