/** The clock arithmetic shared by the server, the screens and the control panel (shared/clock.ts). */
import { describe, expect, it } from 'vitest';
import { bestSample, clockAt, msToNextSecond, serverRealNow, syncSample } from '../../shared/clock.ts';
import { ServerClock } from '../../server/platform/server-clock.ts';

describe('clock sync samples', () => {
  it('estimates the offset assuming the server answered halfway through the round trip', () => {
    // Device sends at 1000, server (ahead by 5000) reads 6050 at the midpoint, reply at 1100.
    expect(syncSample(1000, 6050, 1100)).toEqual({ offset: 5000, rtt: 100 });
    // Sent at 1000, answered 5100, received 1200: the server read its clock at our 1100.
    expect(syncSample(1000, 5100, 1200).offset).toBe(4000);
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
});

describe('clock model', () => {
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

  it('floors a fractional reading, so every machine turns over at the same millisecond', () => {
    const clock = { simulated: true, speed: 1.5, anchorReal: 0, anchorClock: 0 };
    expect(clockAt(clock, 3)).toBe(4);
  });

  it('is the arithmetic the server clock itself runs on', () => {
    let real = 50_000;
    const server = new ServerClock({ time: 1_000_000, speed: 2.5 }, () => real);
    real += 1_001;
    expect(server.now()).toBe(clockAt(server.state(), real));
    expect(server.now()).toBe(1_002_502);
  });

  it('aligns ticks to the next whole second', () => {
    expect(msToNextSecond(12_345)).toBe(655);
    expect(msToNextSecond(13_000)).toBe(1000);
    expect(msToNextSecond(-250)).toBe(250);
  });
});
