import 'server-only';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import { syncedTransaction } from '../sync/synced-transaction';
import { getOwnedApp } from './get-owned-app';

/** Deleting an app takes its keys and subscriptions with it, and withdraws them from every gateway. */
export async function deleteApplication(db: Db, actor: Actor, appId: string): Promise<void> {
  await syncedTransaction(db, async (trx, touch) => {
    await getOwnedApp(trx, actor, appId);
    await trx.deleteFrom('api_keys').where('app_id', '=', appId).execute();
    await trx.deleteFrom('subscriptions').where('app_id', '=', appId).execute();
    await trx.deleteFrom('applications').where('id', '=', appId).execute();
    touch(`app:${appId}`);
  });
}
