import { EventEmitter } from 'node:events';

// Wakes long-polls in this process the moment a revision moves. Kept on globalThis because Next.js bundles routes
// separately; replicas on PostgreSQL fall back to the poll interval in wait-for-revision.ts.
const holder = globalThis as unknown as { __gatehouseSyncNotifier?: EventEmitter };
holder.__gatehouseSyncNotifier ??= new EventEmitter().setMaxListeners(0);
const emitter = holder.__gatehouseSyncNotifier;

export function notifyRevision(environmentId: string): void {
  emitter.emit(environmentId);
}

export function onRevision(environmentId: string, listener: () => void): () => void {
  emitter.on(environmentId, listener);
  return () => emitter.off(environmentId, listener);
}
