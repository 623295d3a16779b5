/** What the load generator needs from a crowd of clients of one kind of server. */

/** Where clients report what they received: client `index` got something stamped `value`. */
export interface ReceiptSink {
  saw(index: number, value: number): void;
}

export interface Pool {
  readonly size: number;
  /** Opens `count` more clients (each counted once it is fully admitted). */
  connect(count: number): Promise<void>;
  /** The value (revision or sequence number) the next change will carry. */
  nextTarget(): number;
  /** Makes the change the clients must then receive; resolves when the server acknowledged it. */
  change(target: number): Promise<void>;
  /** After a round: what a real client does once it has shown the change (ours: confirm it). */
  afterRound(target: number): void;
  close(): void;
}

export interface PoolOptions {
  url: string;
  receipts: ReceiptSink;
  /** Concurrent connection attempts while connecting. */
  concurrency: number;
}

/** fetch that must succeed (the bench has no use for a failed request). */
export async function mustFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, init);
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}: ${await response.text()}`);
  return response;
}
