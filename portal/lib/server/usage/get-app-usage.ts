import 'server-only';
import type { Actor } from '../actor';
import { getOwnedApp } from '../apps/get-owned-app';
import type { Db } from '../db/client';
import { type UsageRange, summarizeUsage } from './summarize-usage';
import { nameShares, usageBreakdown } from './usage-breakdown';
import { toUsageRows, USAGE_FIGURES, usageHoursIn } from './usage-hours-in';

/** An application's usage over a range, overall and per API; only the owner may see it. */
export async function getAppUsage(db: Db, actor: Actor, appId: string, range: UsageRange, now = Date.now()) {
  await getOwnedApp(db, actor, appId);
  const rows = toUsageRows(await usageHoursIn(db, range, now).where('app_id', '=', appId).select([...USAGE_FIGURES, 'api_id']).execute());
  const perApi = usageBreakdown(rows, (r) => r.api_id, range, now);
  const names = perApi.length
    ? await db.selectFrom('apis').where('id', 'in', perApi.map((s) => s.id)).select(['id', 'name', 'version']).execute()
    : [];
  return {
    ...summarizeUsage(rows, range, now),
    apis: nameShares(perApi, new Map(names.map((n) => [n.id, `${n.name} ${n.version}`]))).map(({ id, ...share }) => ({ apiId: id, ...share })),
  };
}
