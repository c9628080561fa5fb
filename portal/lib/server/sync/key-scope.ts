import type { KeyEntity } from '@gatehouse/sidecar/contract/sync';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { ROUTED_API_STATES, type DesiredEntity } from './scopes';

/**
 * One key's slice of its application's scope. Creating, revoking or rotating a key changes only that key's entity,
 * so refreshing the whole `app:` scope (every key and client of the application) made each key change cost as much
 * as the application has keys, inside the transaction every replica waits on (synced-transaction.ts): an
 * application with 1,000 keys made key creation ten times slower than one with 100. The entity it yields is stored
 * under the application's scope, so a later refresh of that scope sees it as its own; the rules are the same as
 * desiredForApp's.
 */
export interface KeySlice {
  appId: string;
  /** The key's entity id in the feed (its hash): where the existing entity, if any, is found. */
  hash: string;
  desired: DesiredEntity[];
}

export async function desiredForKey(trx: Transaction<DB>, environmentId: string, keyId: string): Promise<KeySlice | null> {
  const key = await trx.selectFrom('api_keys').where('id', '=', keyId).select(['app_id', 'key_hash', 'expires_at', 'revoked_at']).executeTakeFirst();
  if (!key) return null;
  const slice: KeySlice = { appId: key.app_id, hash: key.key_hash, desired: [] };
  if (key.revoked_at) return slice;
  const active = await trx
    .selectFrom('subscriptions')
    .innerJoin('apis', 'apis.id', 'subscriptions.api_id')
    .innerJoin('deployments', 'deployments.api_id', 'apis.id')
    .where('subscriptions.app_id', '=', key.app_id)
    .where('subscriptions.status', '=', 'ACTIVE')
    .where('deployments.environment_id', '=', environmentId)
    .where('apis.status', 'in', ROUTED_API_STATES)
    .select('subscriptions.id')
    .limit(1)
    .executeTakeFirst();
  if (!active) return slice;
  const owner = await trx.selectFrom('applications').innerJoin('users', 'users.id', 'applications.owner_id').where('applications.id', '=', key.app_id).select('users.disabled').executeTakeFirst();
  if (!owner || owner.disabled) return slice;
  const body: KeyEntity = { hash: key.key_hash, keyId, appId: key.app_id, expiresAt: key.expires_at ? Date.parse(key.expires_at) : null };
  slice.desired.push({ kind: 'key', id: key.key_hash, scope: `app:${key.app_id}`, body: JSON.stringify(body) });
  return slice;
}
