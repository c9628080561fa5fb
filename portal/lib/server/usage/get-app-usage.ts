import 'server-only';
import type { Actor } from '../actor';
import { getOwnedApp } from '../apps/get-owned-app';
import type { Db } from '../db/client';
import { USAGE_RANGES, type UsageRange, summarizeUsage } from './summarize-usage';

/** An application's usage over a range, overall and per API; only the owner may see it. */
export async function getAppUsage(db: Db, actor: Actor, appId: string, range: UsageRange, now = Date.now()) {
  await getOwnedApp(db, actor, appId);
  const rows = await db
    .selectFrom('usage_events')
    .where('app_id', '=', appId)
    .where('at', '>', now - USAGE_RANGES[range].spanMs)
    .select(['at', 'status', 'latency_ms', 'api_id'])
    .execute();
  const normalized = rows.map((r) => ({ ...r, at: Number(r.at) }));
  const apiIds = [...new Set(normalized.map((r) => r.api_id))];
  const names = apiIds.length
    ? await db.selectFrom('apis').where('id', 'in', apiIds).select(['id', 'name', 'version']).execute()
    : [];
  return {
    ...summarizeUsage(normalized, range, now),
    apis: apiIds.map((apiId) => {
      const api = names.find((n) => n.id === apiId);
      const summary = summarizeUsage(normalized.filter((r) => r.api_id === apiId), range, now);
      return { apiId, name: api ? `${api.name} ${api.version}` : apiId, totals: summary.totals };
    }),
  };
}
