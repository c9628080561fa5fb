import 'server-only';
import { z } from 'zod';
import type { Actor } from '../actor';
import { getOwnedApp } from '../apps/get-owned-app';
import type { Db } from '../db/client';
import { AppError, notFound } from '../errors';
import { newId, nowIso } from '../ids';
import { syncedTransaction } from '../sync/synced-transaction';

export const subscribeInput = z.strictObject({
  apiId: z.string().min(1).max(100),
  tierId: z.string().min(1).max(100),
});

export async function subscribe(db: Db, actor: Actor, appId: string, input: z.infer<typeof subscribeInput>) {
  return syncedTransaction(db, async (trx, touch) => {
    await getOwnedApp(trx, actor, appId);
    const api = await trx.selectFrom('apis').where('id', '=', input.apiId).select(['id', 'status', 'requires_approval']).executeTakeFirst();
    if (!api || (api.status !== 'PUBLISHED' && api.status !== 'DEPRECATED')) throw notFound('API');
    if (api.status === 'DEPRECATED') throw new AppError('CONFLICT', 'This API is deprecated and accepts no new subscriptions');
    const offered = await trx
      .selectFrom('api_tiers')
      .where('api_id', '=', api.id)
      .where('tier_id', '=', input.tierId)
      .select('tier_id')
      .executeTakeFirst();
    if (!offered) throw new AppError('UNPROCESSABLE', 'This API does not offer that tier', { field: 'tierId' });
    const existing = await trx
      .selectFrom('subscriptions')
      .where('app_id', '=', appId)
      .where('api_id', '=', api.id)
      .select('id')
      .executeTakeFirst();
    if (existing) throw new AppError('CONFLICT', 'This application is already subscribed to this API');
    const sub = {
      id: newId('sub'),
      app_id: appId,
      api_id: api.id,
      tier_id: input.tierId,
      status: api.requires_approval ? ('PENDING' as const) : ('ACTIVE' as const),
      created_at: nowIso(),
    };
    await trx.insertInto('subscriptions').values(sub).execute();
    touch(`app:${appId}`);
    return { id: sub.id, apiId: sub.api_id, tierId: sub.tier_id, status: sub.status, createdAt: sub.created_at };
  });
}
