import 'server-only';
import type { Actor } from '../actor';
import { getManagedApi } from '../apis/get-managed-api';
import type { Db } from '../db/client';
import { type UsageRange, summarizeUsage } from './summarize-usage';
import { nameShares, usageBreakdown } from './usage-breakdown';
import { toUsageRows, USAGE_FIGURES, usageHoursIn } from './usage-hours-in';
import { monthlyQuotaUse } from './quota-usage';

/** How many applications the per-API view names; a publisher looks for the heaviest callers, not a full ledger. */
export const TOP_CONSUMERS = 10;

/**
 * One API version's usage over a range: overall, its top consuming applications and each environment. The same
 * people who manage the API may see it (its publisher, or an admin); anyone else gets what getManagedApi answers.
 */
export async function getApiUsage(db: Db, actor: Actor, apiId: string, range: UsageRange, now = Date.now()) {
  await getManagedApi(db, actor, apiId);
  // Served by the (api_id, hour) index.
  const rows = toUsageRows(await usageHoursIn(db, range, now).where('api_id', '=', apiId).select([...USAGE_FIGURES, 'app_id', 'environment_id']).execute());
  const perApp = usageBreakdown(rows, (r) => r.app_id, range, now);
  const top = perApp.slice(0, TOP_CONSUMERS);
  const topIds = top.map((s) => s.id);
  const [apps, environments, quotas] = await Promise.all([
    topIds.length ? db.selectFrom('applications').where('id', 'in', topIds).select(['id', 'name']).execute() : [],
    db.selectFrom('environments').select(['id', 'name']).execute(),
    monthlyQuotaUse(db, apiId, topIds, now),
  ]);
  return {
    ...summarizeUsage(rows, range, now),
    apps: nameShares(top, new Map(apps.map((a) => [a.id, a.name]))).map((a) => ({ ...a, quota: quotas.get(a.id) ?? null })),
    appCount: perApp.length,
    environments: nameShares(usageBreakdown(rows, (r) => r.environment_id, range, now), new Map(environments.map((e) => [e.id, e.name]))),
  };
}
