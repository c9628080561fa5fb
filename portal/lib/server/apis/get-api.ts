import 'server-only';
import type { Db } from '../db/client';
import { notFound } from '../errors';
import { byCatalogPreference, toCatalogVersion } from './catalog-versions';
import { CATALOG_STATES, toSummary } from './list-apis';
import { parseOperations } from './parse-operations';

/** One catalog API with its operations, the tiers it offers and where it is deployed (gateway URLs). */
export async function getApi(db: Db, apiId: string) {
  const api = await db.selectFrom('apis').where('id', '=', apiId).where('status', 'in', CATALOG_STATES).selectAll().executeTakeFirst();
  if (!api) throw notFound('API');
  const tiers = await db
    .selectFrom('api_tiers')
    .innerJoin('tiers', 'tiers.id', 'api_tiers.tier_id')
    .where('api_tiers.api_id', '=', apiId)
    .select(['tiers.id', 'tiers.name', 'tiers.description', 'tiers.requests_per_minute', 'tiers.monthly_quota'])
    .orderBy('tiers.name')
    .execute();
  const environments = await db
    .selectFrom('deployments')
    .innerJoin('environments', 'environments.id', 'deployments.environment_id')
    .where('deployments.api_id', '=', apiId)
    .select(['environments.id', 'environments.name', 'environments.gateway_url'])
    .orderBy('environments.name')
    .execute();
  const lineage = api.lineage_id ?? api.id;
  const versions = await db
    .selectFrom('apis')
    .where((eb) => eb.or([eb('lineage_id', '=', lineage), eb('id', '=', lineage)]))
    .where('status', 'in', CATALOG_STATES)
    .select(['id', 'version', 'status', 'context', 'created_at', 'lineage_id'])
    .execute();
  return {
    ...toSummary(api),
    /** Markdown written by the publisher; the portal renders it without raw HTML. */
    overview: api.overview,
    operations: parseOperations(api.openapi),
    tiers: tiers.map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      requestsPerMinute: t.requests_per_minute,
      monthlyQuota: t.monthly_quota,
    })),
    environments: environments.map((e) => ({ id: e.id, name: e.name, gatewayUrl: e.gateway_url, baseUrl: e.gateway_url + api.context })),
    /** Every catalog version of this API, the preferred one first (catalog-versions.ts). */
    versions: versions.sort(byCatalogPreference).map(toCatalogVersion),
  };
}
