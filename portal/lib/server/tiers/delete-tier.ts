import 'server-only';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { AppError, notFound } from '../errors';
import { syncedTransaction } from '../sync/synced-transaction';
import { requireAdmin } from '../users/require-role';

/** Deletes an unused tier. A tier with subscriptions stays: deleting it would leave gateways without their limits. */
export async function deleteTier(db: Db, actor: Actor, tierId: string): Promise<void> {
  requireAdmin(actor);
  await syncedTransaction(db, async (trx, touch) => {
    const tier = await trx.selectFrom('tiers').where('id', '=', tierId).select(['id', 'name']).executeTakeFirst();
    if (!tier) throw notFound('Tier');
    const used = await trx.selectFrom('subscriptions').where('tier_id', '=', tierId).select('id').executeTakeFirst();
    if (used) throw new AppError('CONFLICT', 'Subscriptions use this tier; it cannot be deleted');
    await trx.deleteFrom('tiers').where('id', '=', tierId).execute();
    await recordAudit(trx, actor, 'tier.delete', { type: 'tier', id: tierId }, { name: tier.name });
    touch('tiers');
  });
}
