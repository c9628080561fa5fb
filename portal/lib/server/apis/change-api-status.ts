import 'server-only';
import { z } from 'zod';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { nowIso } from '../ids';
import { notifyApiChange } from '../notifications/notify-api-change';
import { scopesForApi } from '../sync/scopes';
import { syncedTransaction } from '../sync/synced-transaction';
import { API_STATUSES, API_TRANSITIONS } from './api-lifecycle';
import { getManagedApi, toManagedApiDto } from './get-managed-api';

export const changeApiStatusInput = z.strictObject({ status: z.enum(API_STATUSES) });

/**
 * Moves an API along its lifecycle, telling its subscribers in the same transaction (notifications). The route and its subscribers' keys are re-materialised in the same
 * transaction, so gateways stop (RETIRED: 404, BLOCKED: 403) or resume within one sync.
 */
export async function changeApiStatus(db: Db, actor: Actor, apiId: string, input: z.infer<typeof changeApiStatusInput>) {
  return syncedTransaction(db, async (trx, touch) => {
    const api = await getManagedApi(trx, actor, apiId);
    if (api.status === input.status) return toManagedApiDto(api);
    if (!API_TRANSITIONS[api.status].includes(input.status)) {
      throw new AppError('CONFLICT', `An API in state ${api.status} cannot become ${input.status}`, { allowed: API_TRANSITIONS[api.status] });
    }
    const updated_at = nowIso();
    await trx.updateTable('apis').set({ status: input.status, updated_at }).where('id', '=', apiId).execute();
    await recordAudit(trx, actor, 'api.status', { type: 'api', id: apiId }, { from: api.status, to: input.status });
    await notifyApiChange(trx, api, api.status, input.status, updated_at);
    touch(...(await scopesForApi(trx, apiId)));
    return toManagedApiDto({ ...api, status: input.status, updated_at });
  });
}
