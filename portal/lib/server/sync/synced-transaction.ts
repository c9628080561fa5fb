import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/client';
import { isPostgres } from '../db/postgres';
import type { DB } from '../db/schema';
import { refreshSyncScopes } from './materialize';
import { notifyRevision, REVISION_CHANNEL } from './notifier';
import type { Scope } from './scopes';

export type Touch = (...scopes: Scope[]) => void;

// Any fixed 64-bit number: the key of the advisory lock that serialises synced transactions on PostgreSQL.
const SYNC_LOCK_KEY = 0x6761_7465_6873;

/**
 * Runs a change and the sync refresh it implies in one transaction, then wakes waiting sidecars. Every operation
 * that changes what gateways enforce goes through here, so a committed change always reaches the feed.
 *
 * Replicas on PostgreSQL: each synced transaction first takes one transaction-scoped advisory lock, so they run one
 * at a time across every replica and commit in the order they take revisions. Without it, two replicas under READ
 * COMMITTED both read revision R, both write R+1, and a sidecar that applied one R+1 never sees the other change.
 * The lock is taken before the change itself (not just before the refresh) so no change can hold a row another
 * synced transaction waits for: there is one lock, always taken first, hence no deadlock. It is held until commit,
 * so revision R+1 is visible before anyone can write R+2: a sidecar following revisions never skips a change that
 * commits late. Serializable isolation with retries would give the same order, but every synced transaction reads
 * and writes the environments' revisions, so under load most attempts would abort and re-run their change; the
 * changes are small admin and subscriber writes (milliseconds), and waiting in line for them is cheaper.
 * SQLite has one writer at a time already. The wakeup goes out as NOTIFY inside the transaction, which PostgreSQL
 * delivers to every replica's listener only once it commits.
 */
export async function syncedTransaction<T>(db: Db, fn: (trx: Transaction<DB>, touch: Touch) => Promise<T>): Promise<T> {
  const onPostgres = isPostgres(db);
  const scopes: Scope[] = [];
  const { result, changed } = await db.transaction().execute(async (trx) => {
    if (onPostgres) await sql`select pg_advisory_xact_lock(${SYNC_LOCK_KEY})`.execute(trx);
    const result = await fn(trx, (...s) => scopes.push(...s));
    const { changed } = await refreshSyncScopes(trx, scopes);
    if (onPostgres) {
      for (const c of changed) await sql`select pg_notify(${REVISION_CHANNEL}, ${c.environmentId})`.execute(trx);
    }
    return { result, changed };
  });
  if (!onPostgres) for (const c of changed) notifyRevision(c.environmentId);
  return result;
}
