import 'server-only';
import type { Actor } from '../actor';
import { getOwnedApp } from '../apps/get-owned-app';
import type { Db } from '../db/client';
import { notFound } from '../errors';
import { nowIso } from '../ids';
import { syncedTransaction } from '../sync/synced-transaction';
import { toKeyDto } from './key-dto';

/** Revocation is final and idempotent; the key leaves every gateway's cache with the next sync. */
export async function revokeApiKey(db: Db, actor: Actor, appId: string, keyId: string) {
  return syncedTransaction(db, async (trx, touch) => {
    await getOwnedApp(trx, actor, appId);
    const key = await trx.selectFrom('api_keys').where('id', '=', keyId).where('app_id', '=', appId).selectAll().executeTakeFirst();
    if (!key) throw notFound('Key');
    if (!key.revoked_at) {
      key.revoked_at = nowIso();
      await trx.updateTable('api_keys').set({ revoked_at: key.revoked_at }).where('id', '=', keyId).execute();
      touch(`key:${keyId}`);
    }
    return toKeyDto(key);
  });
}
