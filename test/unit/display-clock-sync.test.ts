/** A screen's clock sync: several round trips, the best one kept (display/data/clock-sync.ts). */
import { describe, expect, it } from 'vitest';
import { measureOffset } from '../../display/data/clock-sync.ts';

describe('measureOffset', () => {
  it('measures over several round trips and ignores lost ones', async () => {
    let device = 0;
    const trips = [
      { rtt: 200, lost: false },
      { rtt: 10, lost: true },
      { rtt: 30, lost: false },
    ];
    let i = 0;
    const ping = async () => {
      const trip = trips[i++]!;
      device += trip.rtt;
      if (trip.lost) throw new Error('timeout');
      // The server is 7 s ahead and answers at the midpoint of the trip.
      return device - trip.rtt / 2 + 7000;
    };
    const best = await measureOffset(ping, () => device, 3);
    expect(best).toEqual({ offset: 7000, rtt: 30 });
  });
});
