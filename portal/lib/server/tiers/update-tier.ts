import 'server-only';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { AppError, notFound } from '../errors';
import { syncedTransaction } from '../sync/synced-transaction';
import { requireAdmin } from '../users/require-role';
import { type TierInput, toTierDto } from './tier-input';

/** Changes a tier's limits; gateways enforce the new limits within one sync (the 'tiers' scope). */
export async function updateTier(db: Db, actor: Actor, tierId: string, input: TierInput) {
  requireAdmin(actor);
  return syncedTransaction(db, async (trx, touch) => {
    const tier = await trx.selectFrom('tiers').where('id', '=', tierId).selectAll().executeTakeFirst();
    if (!tier) throw notFound('Tier');
    if (await trx.selectFrom('tiers').where('name', '=', input.name).where('id', '!=', tierId).select('id').executeTakeFirst()) {
      throw new AppError('CONFLICT', `A tier named ${input.name} exists`, { errors: [{ path: 'name', message: 'Already in use' }] });
    }
    const patch = { name: input.name, description: input.description, requests_per_minute: input.requestsPerMinute, burst: input.burst, monthly_quota: input.monthlyQuota };
    await trx.updateTable('tiers').set(patch).where('id', '=', tierId).execute();
    await recordAudit(trx, actor, 'tier.update', { type: 'tier', id: tierId }, { ...input });
    touch('tiers');
    return toTierDto({ ...tier, ...patch });
  });
}
