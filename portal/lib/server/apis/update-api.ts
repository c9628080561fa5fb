import 'server-only';
import { z } from 'zod';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { nowIso } from '../ids';
import { scopesForApi } from '../sync/scopes';
import { syncedTransaction } from '../sync/synced-transaction';
import { apiFields } from './api-fields';
import { assertContextFree } from './assert-context-free';
import { getManagedApi, toManagedApiDto } from './get-managed-api';
import { requireValidOpenApi } from './openapi-problems';

export const updateApiInput = z
  .strictObject({
    name: apiFields.name,
    context: apiFields.context,
    description: apiFields.description,
    tags: apiFields.tags,
    overview: apiFields.overview,
    backendUrl: apiFields.backendUrl,
    openapi: apiFields.openapi,
    requiresApproval: apiFields.requiresApproval,
  })
  .partial();

/**
 * Edits an API version. Context and backend changes move the gateways' route, so this runs as a synced transaction.
 * The version string is fixed once created: a new version is a new API (create-api-version.ts).
 */
export async function updateApi(db: Db, actor: Actor, apiId: string, input: z.infer<typeof updateApiInput>) {
  const stored = input.openapi === undefined ? undefined : (await requireValidOpenApi(input.openapi)).document;
  return syncedTransaction(db, async (trx, touch) => {
    const api = await getManagedApi(trx, actor, apiId);
    if (api.status === 'RETIRED') throw new AppError('CONFLICT', 'A retired API cannot be changed');
    if (input.context !== undefined) await assertContextFree(trx, input.context, { exceptApiId: apiId });
    const patch = {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.context !== undefined && { context: input.context }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.tags !== undefined && { tags: JSON.stringify(input.tags) }),
      ...(input.overview !== undefined && { overview: input.overview }),
      ...(input.backendUrl !== undefined && { backend_url: input.backendUrl }),
      ...(stored !== undefined && { openapi: stored }),
      ...(input.requiresApproval !== undefined && { requires_approval: input.requiresApproval ? 1 : 0 }),
      updated_at: nowIso(),
    };
    await trx.updateTable('apis').set(patch).where('id', '=', apiId).execute();
    await recordAudit(trx, actor, 'api.update', { type: 'api', id: apiId }, { fields: Object.keys(input).sort() });
    touch(...(await scopesForApi(trx, apiId)));
    return toManagedApiDto({ ...api, ...patch });
  });
}
