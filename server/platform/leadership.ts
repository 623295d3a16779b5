/**
 * Which node runs the background work that must happen once per cluster (announcement expiry,
 * feed polling). A single server is always the leader; a PostgreSQL cluster elects one by an
 * advisory lock (server/platform/postgres/leader.ts).
 */
export interface Leadership {
  isLeader(): boolean;
  /** Called whenever this node gains or loses the lead. Returns an unsubscribe function. */
  onChange(listener: (leader: boolean) => void): () => void;
  close(): Promise<void>;
}

/** One process alone on its data: nothing to elect. */
export function soleLeader(): Leadership {
  return { isLeader: () => true, onChange: () => () => undefined, close: async () => undefined };
}
