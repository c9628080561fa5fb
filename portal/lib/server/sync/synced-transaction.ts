import type { Transaction } from 'kysely';
import type { Db } from '../db/client';
import type { DB } from '../db/schema';
import { refreshSyncScopes } from './materialize';
import { notifyRevision } from './notifier';
import type { Scope } from './scopes';

export type Touch = (...scopes: Scope[]) => void;

/**
 * Runs a change and the sync refresh it implies in one transaction, then wakes waiting sidecars. Every operation
 * that changes what gateways enforce goes through here, so a committed change always reaches the feed.
 */
export async function syncedTransaction<T>(db: Db, fn: (trx: Transaction<DB>, touch: Touch) => Promise<T>): Promise<T> {
  const scopes: Scope[] = [];
  const { result, changed } = await db.transaction().execute(async (trx) => {
    const result = await fn(trx, (...s) => scopes.push(...s));
    const { changed } = await refreshSyncScopes(trx, scopes);
    return { result, changed };
  });
  for (const c of changed) notifyRevision(c.environmentId);
  return result;
}
