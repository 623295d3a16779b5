import { describe, expect, it } from 'vitest';
import { parseServerList } from '../../display/data/server-list.ts';

describe('parseServerList (?servers= of a screen without a proxy)', () => {
  it('reads the listed nodes in order, with the default port of their scheme', () => {
    expect(parseServerList('?servers=https://a.venue.lan:8443,http://10.0.0.12')).toEqual([
      { hostname: 'a.venue.lan', port: '8443', secure: true },
      { hostname: '10.0.0.12', port: '80', secure: false },
    ]);
  });

  it('drops repeats, blanks and anything that is not an http(s) origin', () => {
    expect(parseServerList('?servers= https://a:8443 ,,https://a:8443/display,javascript:alert(1),nonsense')).toEqual([
      { hostname: 'a', port: '8443', secure: true },
    ]);
  });

  it('gives none without the parameter', () => {
    expect(parseServerList('')).toEqual([]);
    expect(parseServerList('?lang=fr')).toEqual([]);
  });
});
