/**
 * This screen's identity and who decides what it shows. A page at a room or lobby URL shows what
 * its URL says until staff assign it something else; from then on it is managed: it moves to the
 * bare /display address (and its identity with it), so a reload asks the server again instead of
 * going back to the old URL.
 */
import { MANAGED_KEY, identityKey, loadAssignment, loadIdentity, saveAssignment, saveIdentity, type Identity } from './identity-store.ts';
import type { DisplayRoute } from './route.ts';
import type { KeyValueStore } from './storage.ts';

export class ScreenIdentity {
  /** Staff (through the server) decide the assignment, not the URL. */
  managed: boolean;
  identity: Identity;
  private key: string;

  constructor(
    private readonly store: KeyValueStore | undefined,
    urlRoute: DisplayRoute | null,
    private readonly navigate: (path: string) => void,
  ) {
    this.managed = urlRoute === null;
    this.key = identityKey(urlRoute);
    this.identity = loadIdentity(store, this.key);
  }

  /** What a managed screen showed last (shown again while the server is out of reach). */
  cachedAssignment(): DisplayRoute | null {
    return loadAssignment(this.store);
  }

  /** The server gave this screen another id (its claim on the old one was refused). */
  adopt(displayId: string): void {
    if (displayId === this.identity.displayId) return;
    this.identity = { ...this.identity, displayId };
    saveIdentity(this.store, this.key, this.identity);
  }

  /** Staff assigned this screen (or forgot it): it is managed from now on. */
  takeOver(assignment: DisplayRoute | null): void {
    if (!this.managed) {
      // The URL's identity starts afresh, should that URL ever be opened here again.
      saveIdentity(this.store, this.key, null);
      this.key = MANAGED_KEY;
      saveIdentity(this.store, this.key, this.identity);
      this.managed = true;
      this.navigate('/display');
    }
    saveAssignment(this.store, assignment);
  }
}
