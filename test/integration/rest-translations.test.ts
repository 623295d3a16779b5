/** Translated titles and announcement texts over REST: stored, journalled, undone, exported, refused by field. */
import { describe, expect, it } from 'vitest';
import { fixtureServerPerFile } from './fixture-server.ts';

const world = fixtureServerPerFile();

async function liveSession(id: string) {
  const schedule = (await world.server.request('GET', '/api/schedule')).body;
  return schedule.sessions.find((s: { id: string }) => s.id === id);
}

describe('session translations', () => {
  it('creates a session with translations', async () => {
    const { status, body } = await world.server.request(
      'POST',
      '/api/sessions',
      {
        id: 'evening',
        title: 'Evening reception',
        translations: { fr: { title: ' Réception du soir ' }, zh: { title: '晚间招待会' } },
        venueId: 'M7',
        start: '2024-10-14T18:00',
        end: '2024-10-14T19:00',
      },
      world.cookie,
    );
    expect(status).toBe(201);
    expect(body.session.translations).toEqual({ fr: { title: 'Réception du soir' }, zh: { title: '晚间招待会' } });
    expect((await liveSession('evening')).translations).toEqual(body.session.translations);
  });

  it('replaces them with a patch, journals it, and undo restores the set before', async () => {
    const first = await world.server.request(
      'PATCH',
      '/api/sessions/webinar',
      { translations: { fr: { title: 'Webinaire' } } },
      world.cookie,
    );
    expect(first.status).toBe(200);
    const second = await world.server.request(
      'PATCH',
      '/api/sessions/webinar',
      { translations: { ar: { title: 'ندوة عبر الإنترنت' } } },
      world.cookie,
    );
    expect(second.body.session.translations).toEqual({ ar: { title: 'ندوة عبر الإنترنت' } });
    const journal = (
      await world.server.request('GET', `/api/changes?since=${first.body.revision - 1}`, undefined, world.cookie)
    ).body.changes;
    expect(journal.at(-1).summary).toMatch(/\(translations\)/);

    const undo = await world.server.request('POST', `/api/changes/${second.body.revision}/undo`, {}, world.cookie);
    expect(undo.status).toBe(200);
    expect((await liveSession('webinar')).translations).toEqual({ fr: { title: 'Webinaire' } });
  });

  it('removes them all with null (or {}), leaving no empty set behind', async () => {
    await world.server.request(
      'PATCH',
      '/api/sessions/panel',
      { translations: { es: { title: 'Mesa' } } },
      world.cookie,
    );
    const cleared = await world.server.request('PATCH', '/api/sessions/panel', { translations: {} }, world.cookie);
    expect(cleared.status).toBe(200);
    expect('translations' in cleared.body.session).toBe(false);
  });

  it.each([
    [{ translations: { xx: { title: 'A' } } }, 'translations.xx', /is not one of the languages/],
    [{ translations: { fr: { title: '  ' } } }, 'translations.fr.title', /must not be empty/],
    [{ translations: { fr: { title: 'x'.repeat(1001) } } }, 'translations.fr.title', /1000/],
    [{ translations: { fr: 'Atelier' } }, 'translations.fr', /object/],
  ])('400 names the field for %j and changes nothing', async (patch, field, message) => {
    const before = world.server.service.revision();
    const { status, body } = await world.server.request('PATCH', '/api/sessions/workshop', patch, world.cookie);
    expect(status).toBe(400);
    expect(body.field).toBe(field);
    expect(body.error).toMatch(message);
    expect(world.server.service.revision()).toBe(before);
  });

  it('the CSV export carries them as title_<language> columns', async () => {
    await world.server.request(
      'PATCH',
      '/api/sessions/opening',
      { translations: { de: { title: 'Eröffnung' } } },
      world.cookie,
    );
    const response = await fetch(new URL('/api/export/schedule.csv', world.server.url));
    const [header, ...rows] = (await response.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toMatch(/,title_de/);
    expect(rows.find((row) => row.startsWith('opening,'))).toMatch(/,Eröffnung(,|$)/);
  });
});

describe('announcement translations', () => {
  it('publishes an announcement with its texts in other languages', async () => {
    const { status, body } = await world.server.request(
      'POST',
      '/api/announcements',
      { text: 'Lunch is served', translations: { fr: { text: 'Le déjeuner est servi' } } },
      world.cookie,
    );
    expect(status).toBe(201);
    expect(body.announcement.translations).toEqual({ fr: { text: 'Le déjeuner est servi' } });
  });

  it('400 names the field of an empty translated text', async () => {
    const { status, body } = await world.server.request(
      'POST',
      '/api/announcements',
      { text: 'Lunch is served', translations: { ru: { text: '' } } },
      world.cookie,
    );
    expect(status).toBe(400);
    expect(body.field).toBe('translations.ru.text');
  });
});
