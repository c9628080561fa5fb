import 'server-only';
import { z } from 'zod';
import type { Actor } from '../actor';
import { getOwnedApp } from '../apps/get-owned-app';
import type { Db } from '../db/client';
import { AppError, notFound } from '../errors';
import { syncedTransaction } from '../sync/synced-transaction';

export const changeTierInput = z.strictObject({ tierId: z.string().min(1).max(100) });

/**
 * Moves a subscription to another tier the API offers. Where the API requires approval, the change waits for the
 * publisher (`requested_tier_id`) while the subscription keeps working on its current tier; otherwise it applies at
 * once and reaches the gateways within one sync. Asking for the current tier withdraws a waiting request.
 */
export async function changeSubscriptionTier(db: Db, actor: Actor, appId: string, subscriptionId: string, input: z.infer<typeof changeTierInput>) {
  return syncedTransaction(db, async (trx, touch) => {
    await getOwnedApp(trx, actor, appId);
    const sub = await trx
      .selectFrom('subscriptions')
      .innerJoin('apis', 'apis.id', 'subscriptions.api_id')
      .where('subscriptions.id', '=', subscriptionId)
      .where('subscriptions.app_id', '=', appId)
      .select(['subscriptions.id', 'subscriptions.status', 'subscriptions.tier_id', 'subscriptions.api_id', 'apis.status as api_status', 'apis.requires_approval'])
      .executeTakeFirst();
    if (!sub) throw notFound('Subscription');
    if (sub.api_status !== 'PUBLISHED' && sub.api_status !== 'DEPRECATED') throw new AppError('CONFLICT', `This API is ${sub.api_status.toLowerCase()}: its tier cannot change`);
    if (sub.status !== 'ACTIVE' && sub.status !== 'PENDING') throw new AppError('CONFLICT', `This subscription is ${sub.status.toLowerCase()}: its tier cannot change`);
    const offered = await trx.selectFrom('api_tiers').where('api_id', '=', sub.api_id).where('tier_id', '=', input.tierId).select('tier_id').executeTakeFirst();
    if (!offered) throw new AppError('UNPROCESSABLE', 'This API does not offer that tier', { field: 'tierId' });

    // A pending subscription is not at the gateways yet: its tier is part of what the publisher will approve.
    const waits = sub.requires_approval === 1 && sub.status === 'ACTIVE' && input.tierId !== sub.tier_id;
    if (waits) {
      await trx.updateTable('subscriptions').set({ requested_tier_id: input.tierId }).where('id', '=', sub.id).execute();
    } else {
      await trx.updateTable('subscriptions').set({ tier_id: input.tierId, requested_tier_id: null }).where('id', '=', sub.id).execute();
      touch(`app:${appId}`);
    }
    return { id: sub.id, status: sub.status, tierId: waits ? sub.tier_id : input.tierId, requestedTierId: waits ? input.tierId : null };
  });
}
