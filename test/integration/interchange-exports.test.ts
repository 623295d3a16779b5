// The public exports over HTTP: iCalendar feeds, CSV and c3voc schedule.json, from the bundled programme.
import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import draft6 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { sessionUid } from '../../server/interchange/writers/ical-export.ts';

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startTestServer({ clock: '2024-10-14T12:55', speed: 0 });
  cookie = await server.login('Ann');
});
afterAll(() => server.close());

/** GET with a chosen Host header (fetch does not let a caller set it). */
function getWithHost(path: string, host: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function events(ics: string) {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('calendar feeds', () => {
  it('serves the whole schedule as text/calendar without a login', async () => {
    const { status, headers, body } = await server.request('GET', '/api/calendar.ics');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(body).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Vienna\r\n');
    expect(events(body)).toHaveLength(server.service.schedule().sessions.length);
  });

  it("serves one venue's feed, and a JSON 404 for an unknown venue", async () => {
    const cr3 = await server.request('GET', '/api/venues/CR3/calendar.ics');
    expect(cr3.status).toBe(200);
    const list = events(cr3.body);
    expect(list.length).toBe(server.service.schedule().sessions.filter((s) => s.venueId === 'CR3').length);
    expect(new Set(list.map((e) => e.location))).toEqual(new Set(['CR3']));
    const unknown = await server.request('GET', '/api/venues/Nowhere/calendar.ics');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/json/);
    expect(unknown.body).toEqual({ error: 'no venue with id Nowhere' });
  });

  it('gives the same UIDs whatever host name the feed is fetched under', async () => {
    const uids = async (host: string) => events((await getWithHost('/api/calendar.ics', host)).body).map((e) => e.uid);
    const [a, b] = [await uids('signage.example.org'), await uids('10.0.0.7:8080')];
    expect(a).toEqual(b);
    expect(a.every((uid) => uid.endsWith('@venue-signage'))).toBe(true);
  });

  it('raises SEQUENCE after a PATCH and marks a cancelled session STATUS:CANCELLED', async () => {
    const id = 'event-2024-10-14-215a910b';
    const feed = async () =>
      events((await server.request('GET', '/api/calendar.ics')).body).find(
        (e) => e.uid === sessionUid({ id }, server.service.schedule().scheduleId),
      )!;
    const before = await feed();
    const moved = await server.request(
      'PATCH',
      `/api/sessions/${id}`,
      { start: '2024-10-14T13:05', end: '2024-10-14T13:55' },
      cookie,
    );
    expect(moved.status).toBe(200);
    const after = await feed();
    expect(after.sequence).toBe(before.sequence + 1);
    await server.request('PATCH', `/api/sessions/${id}`, { status: 'cancelled' }, cookie);
    const cancelled = await feed();
    expect(cancelled.sequence).toBe(before.sequence + 2);
    expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});

describe('CSV and c3voc exports', () => {
  it('serves every session as CSV, cancelled ones included', async () => {
    const { status, headers, body } = await server.request('GET', '/api/export/schedule.csv');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(headers.get('content-disposition')).toBe('attachment; filename="schedule.csv"');
    const rows = parse(body, { bom: true, columns: true }) as Array<Record<string, string>>;
    const schedule = server.service.schedule();
    expect(rows).toHaveLength(schedule.sessions.length);
    expect(rows.filter((r) => r.status === 'cancelled')).toHaveLength(
      schedule.sessions.filter((s) => s.status === 'cancelled').length,
    );
  });

  it('serves a schema-valid c3voc schedule.json without cancelled sessions, with URLs on the host asked', async () => {
    const schema = JSON.parse(
      readFileSync(new URL('../fixtures/interchange/c3voc-schema.json', import.meta.url), 'utf8'),
    );
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addMetaSchema(draft6);
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const { status, type, body } = await getWithHost('/api/export/schedule.json', 'signage.example.org');
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/json/);
    const doc = JSON.parse(body);
    expect(validate(doc), ajv.errorsText(validate.errors)).toBe(true);
    expect(doc.schedule.base_url).toBe('http://signage.example.org/');
    const all = doc.schedule.conference.days.flatMap((d: { rooms: Record<string, unknown[]> }) =>
      Object.values(d.rooms).flat(),
    );
    expect(all).toHaveLength(server.service.schedule().sessions.filter((s) => s.status !== 'cancelled').length);
  });
});
