/** The built pages and the security headers every response carries. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from '../../server/platform/vite-build.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function get(path: string) {
  const response = await fetch(server.url + path);
  return { response, text: await response.text() };
}

describe('pages', () => {
  it.each([
    ['/display/room/CR3', 'display/index.html'],
    ['/display/lobby', 'display/index.html'],
    ['/display', 'display/index.html'],
    ['/control', 'control/index.html'],
    ['/', 'index.html'],
  ])('%s serves dist/%s, revalidated on every load', async (path, file) => {
    const { response, text } = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(text).toBe(readFileSync(join(DIST, file), 'utf8'));
  });

  it('hashed assets are cached for good', async () => {
    const asset = readdirSync(join(DIST, 'assets')).find((name) => name.endsWith('.js'))!;
    const { response } = await get(`/assets/${asset}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('the service worker and other root files are revalidated on every load', async () => {
    for (const path of ['/sw.js', '/index.html']) {
      const { response } = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('unknown files are 404', async () => {
    expect((await get('/assets/nope.js')).response.status).toBe(404);
    expect((await get('/display/room/CR3/extra')).response.status).toBe(404);
  });
});

describe('security headers', () => {
  it('a strict Content-Security-Policy on pages and API answers', async () => {
    for (const path of ['/display/lobby', '/api/schedule']) {
      const csp = (await get(path)).response.headers.get('content-security-policy')!;
      const directives = Object.fromEntries(
        csp.split(';').map((d) => {
          const [name, ...values] = d.trim().split(/\s+/);
          return [name, values.join(' ')];
        }),
      );
      expect(directives['default-src']).toBe("'self'");
      expect(directives['script-src']).toBe("'self'");
      expect(directives['connect-src']).toBe("'self'");
      expect(directives['img-src']).toBe("'self' data:");
      expect(directives['frame-ancestors']).toBe("'self'");
      expect(directives['object-src']).toBe("'none'");
      expect(csp).not.toMatch(/upgrade-insecure-requests/);
    }
  });

  it('the other helmet headers, and no X-Powered-By', async () => {
    const { response } = await get('/control');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('API answers are never cached', async () => {
    expect((await get('/api/schedule')).response.headers.get('cache-control')).toBe('no-store');
  });
});
