import 'server-only';
import type { Actor } from '../actor';
import { getManagedApi } from '../apis/get-managed-api';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { notFound } from '../errors';
import { scopesForApi } from '../sync/scopes';
import { syncedTransaction } from '../sync/synced-transaction';

/** Withdraws an API version from an environment: its gateways answer 404 for it within one sync. */
export async function undeployApi(db: Db, actor: Actor, apiId: string, environmentId: string): Promise<void> {
  await syncedTransaction(db, async (trx, touch) => {
    await getManagedApi(trx, actor, apiId);
    const { numDeletedRows } = await trx.deleteFrom('deployments').where('api_id', '=', apiId).where('environment_id', '=', environmentId).executeTakeFirst();
    if (numDeletedRows === BigInt(0)) throw notFound('Deployment');
    const env = await trx.selectFrom('environments').where('id', '=', environmentId).select('name').executeTakeFirst();
    await recordAudit(trx, actor, 'api.undeploy', { type: 'api', id: apiId }, { environment: env?.name ?? environmentId });
    touch(...(await scopesForApi(trx, apiId)));
  });
}
