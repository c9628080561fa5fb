import 'server-only';
import type { Actor } from '../actor';
import { getOwnedApp } from '../apps/get-owned-app';
import type { Db } from '../db/client';
import { notFound } from '../errors';
import { nowIso } from '../ids';
import { syncedTransaction } from '../sync/synced-transaction';
import { toOAuthClientDto } from './client-dto';

/**
 * Revokes the client's secret, finally and idempotently. The token endpoint refuses it at once, and the client
 * leaves every gateway's cache with the next sync, which also stops tokens it was already issued.
 */
export async function revokeOAuthClient(db: Db, actor: Actor, appId: string, clientId: string) {
  return syncedTransaction(db, async (trx, touch) => {
    await getOwnedApp(trx, actor, appId);
    const client = await trx.selectFrom('oauth_clients').where('id', '=', clientId).where('app_id', '=', appId).selectAll().executeTakeFirst();
    if (!client) throw notFound('OAuth client');
    if (!client.revoked_at) {
      client.revoked_at = nowIso();
      await trx.updateTable('oauth_clients').set({ revoked_at: client.revoked_at }).where('id', '=', clientId).execute();
      touch(`app:${appId}`);
    }
    return toOAuthClientDto(client);
  });
}
