import 'server-only';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import { getManagedApi, toManagedApiDto } from './get-managed-api';
import { API_TRANSITIONS } from './api-lifecycle';
import { parseOperations } from './parse-operations';

/**
 * Everything the publisher's API page shows: the version, its operations, tiers, deployments and sibling versions.
 * Not the document itself: the page never shows it, and a real one is megabytes on every load and revalidation;
 * it has its own route (get-managed-api-document.ts).
 */
export async function getManagedApiDetail(db: Db, actor: Actor, apiId: string) {
  const api = await getManagedApi(db, actor, apiId);
  const lineage = api.lineage_id ?? api.id;
  const [tiers, deployments, versions, subscriptions] = await Promise.all([
    db.selectFrom('api_tiers').where('api_id', '=', apiId).select('tier_id').execute(),
    db
      .selectFrom('deployments')
      .innerJoin('environments', 'environments.id', 'deployments.environment_id')
      .where('deployments.api_id', '=', apiId)
      .select(['environments.id', 'environments.name', 'environments.gateway_url', 'deployments.created_at', 'deployments.backend_url'])
      .orderBy('environments.name')
      .execute(),
    db
      .selectFrom('apis')
      .where((eb) => eb.or([eb('lineage_id', '=', lineage), eb('id', '=', lineage)]))
      .select(['id', 'version', 'status', 'context'])
      .orderBy('created_at')
      .execute(),
    // What a lifecycle change touches, for the confirmation that names its effect.
    db
      .selectFrom('subscriptions')
      .innerJoin('applications', 'applications.id', 'subscriptions.app_id')
      .where('subscriptions.api_id', '=', apiId)
      .select(['subscriptions.status', 'applications.owner_id'])
      .execute(),
  ]);
  return {
    ...toManagedApiDto(api),
    operations: parseOperations(api.openapi),
    allowedTransitions: API_TRANSITIONS[api.status],
    tierIds: tiers.map((t) => t.tier_id),
    deployments: deployments.map((d) => ({ environmentId: d.id, name: d.name, gatewayUrl: d.gateway_url, baseUrl: d.gateway_url + api.context, backendUrl: d.backend_url ?? null, deployedAt: d.created_at })),
    versions,
    reach: {
      subscriptions: subscriptions.filter((s) => s.status === 'ACTIVE' || s.status === 'BLOCKED').length,
      pending: subscriptions.filter((s) => s.status === 'PENDING').length,
      developers: new Set(subscriptions.map((s) => s.owner_id)).size,
    },
  };
}
