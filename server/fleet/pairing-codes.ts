/**
 * The codes screens waiting to be paired show: one per screen, unique among the waiting ones,
 * kept while the server runs (a screen that reloads shows the same code again).
 */
import { newPairingCode, normalizePairingCode } from './display-secrets.ts';
import type { FleetEntry } from './fleet-entry.ts';

export class PairingCodes {
  /** Code → id of the waiting screen showing it. */
  private readonly ids = new Map<string, string>();

  /** The entry's code, made when it has none yet. */
  issue(entry: FleetEntry): string {
    if (entry.pairingCode) return entry.pairingCode;
    let code = newPairingCode();
    while (this.ids.has(code)) code = newPairingCode();
    entry.pairingCode = code;
    this.ids.set(code, entry.id);
    return code;
  }

  release(entry: FleetEntry): void {
    if (entry.pairingCode) this.ids.delete(entry.pairingCode);
    entry.pairingCode = null;
  }

  /** The id of the screen showing the code as staff typed it ("abc 234"), if any. */
  find(typed: string): string | undefined {
    return this.ids.get(normalizePairingCode(typed));
  }
}
