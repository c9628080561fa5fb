import 'server-only';
import type { Actor } from '../actor';
import { getOwnedApp } from '../apps/get-owned-app';
import type { Db } from '../db/client';
import { notFound } from '../errors';
import { syncedTransaction } from '../sync/synced-transaction';

export async function unsubscribe(db: Db, actor: Actor, appId: string, subscriptionId: string): Promise<void> {
  await syncedTransaction(db, async (trx, touch) => {
    await getOwnedApp(trx, actor, appId);
    const { numDeletedRows } = await trx
      .deleteFrom('subscriptions')
      .where('id', '=', subscriptionId)
      .where('app_id', '=', appId)
      .executeTakeFirst();
    if (numDeletedRows === BigInt(0)) throw notFound('Subscription');
    touch(`app:${appId}`);
  });
}
