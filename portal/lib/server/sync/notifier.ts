import { EventEmitter } from 'node:events';

// Wakes long-polls in this process the moment a revision moves. Kept on globalThis because Next.js bundles routes
// separately. On SQLite the committing process calls notifyRevision itself; on PostgreSQL every replica's
// listener (revision-listener.ts) calls it when the database delivers the NOTIFY of a commit, its own included.
const holder = globalThis as unknown as { __gatehouseSyncNotifier?: EventEmitter };
holder.__gatehouseSyncNotifier ??= new EventEmitter().setMaxListeners(0);
const emitter = holder.__gatehouseSyncNotifier;

/** The PostgreSQL NOTIFY channel of revision changes; the payload is the environment's id. */
export const REVISION_CHANNEL = 'gatehouse_revision';
const EVERY = Symbol('every environment');

export function notifyRevision(environmentId: string): void {
  emitter.emit(environmentId);
}

/** Wakes every waiter to re-read its revision: after a listener reconnects, notifications may have been missed. */
export function notifyEveryRevision(): void {
  emitter.emit(EVERY);
}

export function onRevision(environmentId: string, listener: () => void): () => void {
  emitter.on(environmentId, listener);
  emitter.on(EVERY, listener);
  return () => {
    emitter.off(environmentId, listener);
    emitter.off(EVERY, listener);
  };
}
