import type { StoredBatch } from './outbox-store';

/** What the outbox thread reports once its file is open. */
export interface OutboxOpened {
  epoch: string;
  nextSeq: number;
  stored: number;
}

/** Requests from the event loop to the outbox thread, answered in order, each by its `id`. */
export type OutboxRequest =
  | { id: number; op: 'write'; seq: number; count: number; body: string }
  | { id: number; op: 'peek'; limit: number }
  | { id: number; op: 'ack'; lastSeq: number }
  | { id: number; op: 'close' };

/** Results by operation: `write` answers the events stored after it, `ack` too. */
export interface OutboxResults {
  write: number;
  peek: StoredBatch;
  ack: number;
  close: null;
}

export type OutboxMessage =
  | { kind: 'opened'; opened: OutboxOpened }
  | { kind: 'failed'; message: string }
  | { kind: 'answer'; id: number; result: OutboxResults[keyof OutboxResults] }
  | { kind: 'error'; id: number; message: string };
