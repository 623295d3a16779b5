import { describe, expect, it } from 'vitest';
import { bestSample, clockAt, msToNextSecond, serverRealNow, syncSample } from '../../display/data/clock-model.ts';
import { measureOffset } from '../../display/data/clock-sync.ts';

describe('clock sync samples', () => {
  it('estimates the offset assuming the server answered halfway through the round trip', () => {
    // Device sends at 1000, server (ahead by 5000) reads 6050 at the midpoint, reply at 1100.
    const sample = syncSample(1000, 6050, 1100);
    expect(sample).toEqual({ offset: 5000, rtt: 100 });
  });

  it('keeps the sample with the smallest round trip', () => {
    const samples = [
      { offset: 40, rtt: 300 },
      { offset: 12, rtt: 20 },
      { offset: 25, rtt: 90 },
    ];
    expect(bestSample(samples)).toEqual({ offset: 12, rtt: 20 });
    expect(bestSample([])).toBeUndefined();
  });

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

describe('server clock model', () => {
  it('runs on real server time without a clock state', () => {
    expect(clockAt(null, serverRealNow(1_000, 250))).toBe(1_250);
  });

  it('reproduces a simulated clock from its anchor and speed', () => {
    const clock = { simulated: true, speed: 60, anchorReal: 10_000, anchorClock: 1_728_903_300_000 };
    // 2 real seconds at speed 60 are 2 simulated minutes.
    expect(clockAt(clock, 12_000)).toBe(1_728_903_300_000 + 120_000);
  });

  it('stands still at speed 0', () => {
    const clock = { simulated: true, speed: 0, anchorReal: 10_000, anchorClock: 5_000 };
    expect(clockAt(clock, 99_999)).toBe(5_000);
  });

  it('aligns ticks to the next whole second', () => {
    expect(msToNextSecond(12_345)).toBe(655);
    expect(msToNextSecond(13_000)).toBe(1000);
    expect(msToNextSecond(-250)).toBe(250);
  });
});
