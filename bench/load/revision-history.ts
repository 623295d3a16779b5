/**
 * When did each client first hold each revision of a stream of changes? Unlike Receipts (one
 * change at a time), several changes are in flight at once here: staff writes at a steady rate,
 * or a node dies mid-stream. Times are epoch ms (epochNow), so the bench can compare them with
 * the moment a write started or a node was killed, measured in another process.
 */
import { epochNow } from '../lib/ipc.ts';

export class RevisionHistory {
  /** firstHeld[r - from - 1][client]: epoch ms, 0 while the client has not held revision r. */
  private readonly firstHeld: Float64Array[] = [];
  /** The latest revision each client held (a snapshot can jump several at once). */
  private readonly latest: Int32Array;
  private readonly holders: number[] = [];
  private waiters: Array<{ revision: number; resolve: () => void }> = [];

  /** Records the revisions after `from` for `size` clients. */
  constructor(
    readonly size: number,
    private readonly from: number,
  ) {
    this.latest = new Int32Array(size).fill(from);
  }

  /** Client `index` now holds `revision` (and so every revision before it). */
  saw(index: number, revision: number): void {
    if (index >= this.size || revision <= this.latest[index]!) return;
    const now = epochNow();
    for (let r = this.latest[index]! + 1; r <= revision; r++) {
      const slot = r - this.from - 1;
      while (this.firstHeld.length <= slot) {
        this.firstHeld.push(new Float64Array(this.size));
        this.holders.push(0);
      }
      this.firstHeld[slot]![index] = now;
      this.holders[slot]! += 1;
    }
    this.latest[index] = revision;
    this.waiters = this.waiters.filter((waiter) => (this.everyoneHolds(waiter.revision) ? waiter.resolve() : true));
  }

  private everyoneHolds(revision: number): boolean {
    return revision <= this.from || (this.holders[revision - this.from - 1] ?? 0) === this.size;
  }

  /** Resolves once every client holds `revision`, or after the timeout; with how many do not. */
  async allHold(revision: number, timeoutMs: number): Promise<number> {
    if (!this.everyoneHolds(revision)) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        this.waiters.push({ revision, resolve: () => (clearTimeout(timer), resolve()) });
      });
    }
    return this.size - (revision <= this.from ? this.size : (this.holders[revision - this.from - 1] ?? 0));
  }

  /** When client `index` first held `revision` (epoch ms), 0 for never. */
  heldAt(index: number, revision: number): number {
    if (revision <= this.from) return 0;
    return this.firstHeld[revision - this.from - 1]?.[index] ?? 0;
  }
}
