/**
 * Measuring the offset between the device clock and the server's real clock with a few
 * `time:sync` round trips, keeping the one with the smallest round-trip time.
 */
import { bestSample, syncSample, type SyncSample } from '../../shared/clock.ts';

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

/**
 * Measures again every `everyMs` while started. One loop at a time however often the link drops:
 * stopping ends the timer and any measurement still waiting for its round trips, so a loop caught
 * by a disconnect never schedules itself beside the loop of the next connection.
 */
export class ClockSyncLoop {
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    /** One measurement; undefined when every round trip was lost. */
    private readonly measure: () => Promise<SyncSample | undefined>,
    private readonly onMeasured: (sample: SyncSample) => void,
    private readonly everyMs: number,
  ) {}

  /** Measures now and then every everyMs, ending any loop already running. */
  start(): void {
    this.stop();
    void this.run(this.generation);
  }

  stop(): void {
    this.generation += 1;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async run(generation: number): Promise<void> {
    const sample = await this.measure();
    if (generation !== this.generation) return;
    if (sample) this.onMeasured(sample);
    this.timer = setTimeout(() => void this.run(generation), this.everyMs);
  }
}
