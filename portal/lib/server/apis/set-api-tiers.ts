import 'server-only';
import { z } from 'zod';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { getManagedApi } from './get-managed-api';
import { replaceApiTiers } from './replace-api-tiers';

export const setApiTiersInput = z.strictObject({ tierIds: z.array(z.string().min(1).max(100)).max(50) });

/** Chooses which of the admin-defined tiers an API offers to new subscriptions; existing subscriptions keep theirs. */
export async function setApiTiers(db: Db, actor: Actor, apiId: string, input: z.infer<typeof setApiTiersInput>) {
  return db.transaction().execute(async (trx) => {
    await getManagedApi(trx, actor, apiId);
    const tierIds = await replaceApiTiers(trx, apiId, input.tierIds);
    await recordAudit(trx, actor, 'api.tiers', { type: 'api', id: apiId }, { tierIds });
    return { tierIds };
  });
}
