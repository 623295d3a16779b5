/**
 * Measuring the offset between the device clock and the server's real clock with a few
 * `time:sync` round trips, keeping the one with the smallest round-trip time.
 */
import { bestSample, syncSample, type SyncSample } from './clock-model.ts';

/** One round trip: resolves with the server's real epoch ms, rejects on timeout. */
export type Ping = () => Promise<number>;

export async function measureOffset(
  ping: Ping,
  deviceNow: () => number,
  rounds = 5,
): Promise<SyncSample | undefined> {
  const samples: SyncSample[] = [];
  for (let i = 0; i < rounds; i++) {
    const sentAt = deviceNow();
    try {
      const serverNow = await ping();
      samples.push(syncSample(sentAt, serverNow, deviceNow()));
    } catch {
      // A lost round trip just means one sample fewer.
    }
  }
  return bestSample(samples);
}
