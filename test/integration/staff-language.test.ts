/** PATCH /api/me { language }: each person's panel language, kept on the account (migration 12). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { FIXTURE } from './fixture.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ programme: FIXTURE });
});
afterAll(() => server.close());

describe('the panel language of a staff member', () => {
  it('is absent until chosen, then GET /api/me returns it, for a viewer too', async () => {
    const cookie = await server.loginAs('lina', 'viewer');
    expect((await server.request('GET', '/api/me', undefined, cookie)).body.language).toBeUndefined();
    expect((await server.request('PATCH', '/api/me', { language: 'ar' }, cookie)).status).toBe(204);
    expect((await server.request('GET', '/api/me', undefined, cookie)).body).toMatchObject({
      username: 'lina',
      language: 'ar',
    });
  });

  it('belongs to the account: another person keeps theirs', async () => {
    const ann = await server.loginAs('ann', 'editor');
    const bob = await server.loginAs('bob', 'editor');
    await server.request('PATCH', '/api/me', { language: 'fr' }, ann);
    await server.request('PATCH', '/api/me', { language: 'de' }, bob);
    expect((await server.request('GET', '/api/me', undefined, ann)).body.language).toBe('fr');
    expect((await server.request('GET', '/api/me', undefined, bob)).body.language).toBe('de');
  });

  it.each([[{ language: 'xx' }], [{ language: 'FR' }], [{}], [{ language: 'fr', role: 'admin' }]])(
    'refuses %j with a 400 naming the field, and keeps the stored language',
    async (body) => {
      const cookie = await server.loginAs('carl', 'editor');
      await server.request('PATCH', '/api/me', { language: 'ru' }, cookie);
      const answer = await server.request('PATCH', '/api/me', body, cookie);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatch(/language|role/);
      expect((await server.request('GET', '/api/me', undefined, cookie)).body.language).toBe('ru');
    },
  );

  it('needs a signed-in person', async () => {
    expect((await server.request('PATCH', '/api/me', { language: 'fr' })).status).toBe(401);
  });
});
