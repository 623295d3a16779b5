/**
 * When did each client receive the change it is waiting for? One slot per client; a round is
 * armed with the revision (or sequence number) the clients must reach, and completes when every
 * client has seen it. One clock (performance.now of the load generator) measures both ends.
 */
export class Receipts {
  private times = new Float64Array(0);
  private threshold = Infinity;
  private seen = 0;
  private size = 0;
  private done: (() => void) | undefined;

  /** Starts a round for `size` clients waiting for `threshold` or later. */
  arm(size: number, threshold: number): void {
    if (this.times.length < size) this.times = new Float64Array(size);
    this.times.fill(0, 0, size);
    this.size = size;
    this.threshold = threshold;
    this.seen = 0;
    this.done = undefined;
  }

  /** Client `index` received something stamped `value`. */
  saw(index: number, value: number): void {
    if (value < this.threshold || index >= this.size || this.times[index] !== 0) return;
    this.times[index] = performance.now();
    this.seen++;
    if (this.seen === this.size) this.done?.();
  }

  /** Resolves when every client has it, or after the timeout (the stragglers are then counted as missed). */
  complete(timeoutMs: number): Promise<void> {
    if (this.seen === this.size) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.done = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** Latencies (ms) from `start` of the clients that got it, and how many did not. */
  latencies(start: number): { values: number[]; missed: number } {
    const values: number[] = [];
    for (let i = 0; i < this.size; i++) if (this.times[i]! > 0) values.push(this.times[i]! - start);
    return { values, missed: this.size - values.length };
  }

  /** Receipt time (performance.now) of each client, 0 for none. */
  timesOf(): Float64Array {
    return this.times.subarray(0, this.size);
  }
}

/** Runs `open(i)` for i = from..to-1 with at most `concurrency` in flight (a connection storm is its own benchmark). */
export async function openMany(
  from: number,
  to: number,
  concurrency: number,
  open: (i: number) => Promise<void>,
): Promise<void> {
  let next = from;
  const worker = async () => {
    while (next < to) await open(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, to - from) }, worker));
}
