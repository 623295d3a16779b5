import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../display/data/route.ts';

describe('parseRoute', () => {
  it('reads door and lobby addresses', () => {
    expect(parseRoute('/display/room/CR3')).toEqual({ view: 'room', venueId: 'CR3' });
    expect(parseRoute('/display/room/M0E79/')).toEqual({ view: 'room', venueId: 'M0E79' });
    expect(parseRoute('/display/lobby')).toEqual({ view: 'lobby' });
  });

  it('decodes escaped room ids', () => {
    expect(parseRoute('/display/room/M0E%2D79')).toEqual({ view: 'room', venueId: 'M0E-79' });
  });

  it('rejects anything else', () => {
    expect(parseRoute('/display')).toBeNull();
    expect(parseRoute('/display/room/')).toBeNull();
    expect(parseRoute('/display/room/CR3/extra')).toBeNull();
    expect(parseRoute('/display/room/%E0%A4%A')).toBeNull();
    // Not a possible venue id (see VenueId in shared/model.ts).
    expect(parseRoute('/display/room/Plenary%20Hall')).toBeNull();
    expect(parseRoute('/display/room/-CR3')).toBeNull();
  });
});
