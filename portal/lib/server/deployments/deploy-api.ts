import 'server-only';
import { z } from 'zod';
import type { Actor } from '../actor';
import { apiFields } from '../apis/api-fields';
import { assertContextFree } from '../apis/assert-context-free';
import { getManagedApi } from '../apis/get-managed-api';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { AppError, notFound } from '../errors';
import { nowIso } from '../ids';
import { scopesForApi } from '../sync/scopes';
import { syncedTransaction } from '../sync/synced-transaction';

export const deployApiInput = z.strictObject({
  /** Where this environment's gateways send the traffic; null or absent means the API's own backend URL. */
  backendUrl: apiFields.backendUrl.nullable().default(null),
});
export type DeployApiInput = z.input<typeof deployApiInput>;

/**
 * Deploys an API version to an environment: that environment's gateways route it within one sync (once the API is
 * published). Deploying again with the same settings is a no-op, so CI pipelines can repeat it safely; deploying
 * again with another backend URL moves the route there.
 */
export async function deployApi(db: Db, actor: Actor, apiId: string, environmentId: string, input: DeployApiInput = {}) {
  const backendUrl = deployApiInput.parse(input).backendUrl;
  return syncedTransaction(db, async (trx, touch) => {
    const api = await getManagedApi(trx, actor, apiId);
    if (api.status === 'RETIRED') throw new AppError('CONFLICT', 'A retired API cannot be deployed');
    const env = await trx.selectFrom('environments').where('id', '=', environmentId).select(['id', 'name', 'gateway_url']).executeTakeFirst();
    if (!env) throw notFound('Environment');
    // No API routed here may nest with this one's context (contexts stored before nesting was refused included).
    await assertContextFree(trx, api.context, { exceptApiId: apiId, environmentId });
    const existing = await trx
      .selectFrom('deployments')
      .where('api_id', '=', apiId)
      .where('environment_id', '=', environmentId)
      .select(['created_at', 'backend_url'])
      .executeTakeFirst();
    const deployedAt = existing?.created_at ?? nowIso();
    if (!existing) {
      await trx.insertInto('deployments').values({ api_id: apiId, environment_id: environmentId, created_at: deployedAt, backend_url: backendUrl }).execute();
    } else if ((existing.backend_url ?? null) !== backendUrl) {
      await trx.updateTable('deployments').set({ backend_url: backendUrl }).where('api_id', '=', apiId).where('environment_id', '=', environmentId).execute();
    }
    if (!existing || (existing.backend_url ?? null) !== backendUrl) {
      await recordAudit(trx, actor, 'api.deploy', { type: 'api', id: apiId }, { environment: env.name, backendUrl });
      touch(...(await scopesForApi(trx, apiId)));
    }
    return {
      environmentId: env.id,
      name: env.name,
      gatewayUrl: env.gateway_url,
      baseUrl: env.gateway_url + api.context,
      backendUrl,
      effectiveBackendUrl: backendUrl ?? api.backend_url,
      deployedAt,
    };
  });
}
