import 'server-only';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { newId, nowIso } from '../ids';
import { syncedTransaction } from '../sync/synced-transaction';
import { requireAdmin } from '../users/require-role';
import { type TierInput, toTierDto } from './tier-input';

export async function createTier(db: Db, actor: Actor, input: TierInput) {
  requireAdmin(actor);
  return syncedTransaction(db, async (trx, touch) => {
    if (await trx.selectFrom('tiers').where('name', '=', input.name).select('id').executeTakeFirst()) {
      throw new AppError('CONFLICT', `A tier named ${input.name} exists`, { errors: [{ path: 'name', message: 'Already in use' }] });
    }
    const row = {
      id: newId('tier'),
      name: input.name,
      description: input.description,
      requests_per_minute: input.requestsPerMinute,
      burst: input.burst,
      monthly_quota: input.monthlyQuota,
      created_at: nowIso(),
    };
    await trx.insertInto('tiers').values(row).execute();
    await recordAudit(trx, actor, 'tier.create', { type: 'tier', id: row.id }, { ...input });
    touch('tiers');
    return toTierDto(row);
  });
}
