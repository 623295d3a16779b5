/**
 * Which screens exist, whether they are connected and which revision each last rendered: the
 * fleet view behind GET /api/displays and the control panel's `displays` event.
 * In memory for now; a screen that reconnects after a server restart re-registers itself.
 */
import type { DisplayStatus, DisplayView } from '../../shared/protocol.ts';

/** Screens without a displayId get a new entry per connection; keep the list bounded. */
const MAX_ENTRIES = 1000;

export interface DisplayIdentity {
  id: string;
  name: string;
  view: DisplayView;
  venueId?: string | undefined;
}

interface Entry extends DisplayStatus {
  /** Open sockets for this id (a reloading screen may briefly have two). */
  sockets: number;
}

export class DisplayRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly realNow: () => number = Date.now) {}

  connected(identity: DisplayIdentity, revision: number): void {
    const previous = this.entries.get(identity.id);
    const entry: Entry = {
      id: identity.id,
      name: identity.name,
      view: identity.view,
      connected: true,
      lastSeen: this.stamp(),
      revision: previous ? Math.max(previous.revision, revision) : revision,
      sockets: (previous?.sockets ?? 0) + 1,
    };
    if (identity.venueId !== undefined) entry.venueId = identity.venueId;
    this.entries.delete(identity.id); // re-insert: the map's order is "least recently connected first"
    this.entries.set(identity.id, entry);
    this.prune();
    this.changed();
  }

  rendered(id: string, revision: number): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.revision = revision;
    entry.lastSeen = this.stamp();
    this.changed();
  }

  /** Any sign of life (clock sync) without a new revision. Not broadcast: it changes nothing visible. */
  seen(id: string): void {
    const entry = this.entries.get(id);
    if (entry) entry.lastSeen = this.stamp();
  }

  disconnected(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.sockets = Math.max(0, entry.sockets - 1);
    entry.connected = entry.sockets > 0;
    entry.lastSeen = this.stamp();
    this.changed();
  }

  list(): DisplayStatus[] {
    return [...this.entries.values()].map(({ sockets: _sockets, ...status }) => ({ ...status }));
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private prune(): void {
    for (const [id, entry] of this.entries) {
      if (this.entries.size <= MAX_ENTRIES) return;
      if (!entry.connected) this.entries.delete(id);
    }
  }

  private stamp(): string {
    return new Date(this.realNow()).toISOString();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
