import 'server-only';
import { quotaPeriodAt } from '@gatehouse/sidecar/contract/quota-period';
import type { Actor } from '../actor';
import { getOwnedApp } from '../apps/get-owned-app';
import type { Db } from '../db/client';
import { successorsOf } from './successors';

/**
 * An application's subscriptions, each with its tier, the state of the API version (a deprecated one names the
 * version to move to) and this month's quota use across the whole fleet.
 */
export async function listSubscriptions(db: Db, actor: Actor, appId: string, now = Date.now()) {
  await getOwnedApp(db, actor, appId);
  const rows = await db
    .selectFrom('subscriptions')
    .innerJoin('apis', 'apis.id', 'subscriptions.api_id')
    .innerJoin('tiers', 'tiers.id', 'subscriptions.tier_id')
    .leftJoin('tiers as requested', 'requested.id', 'subscriptions.requested_tier_id')
    .where('subscriptions.app_id', '=', appId)
    .select([
      'subscriptions.id',
      'subscriptions.status',
      'subscriptions.created_at',
      'apis.id as api_id',
      'apis.name as api_name',
      'apis.version as api_version',
      'apis.context as api_context',
      'apis.status as api_status',
      'apis.lineage_id as api_lineage',
      'tiers.id as tier_id',
      'tiers.name as tier_name',
      'tiers.monthly_quota',
      'tiers.requests_per_minute',
      'requested.id as requested_tier_id',
      'requested.name as requested_tier_name',
    ])
    .orderBy('subscriptions.created_at')
    .execute();
  const period = quotaPeriodAt(now).name;
  const used = await db
    .selectFrom('quota_usage')
    .where('app_id', '=', appId)
    .where('period', '=', period)
    .groupBy('api_id')
    .select((eb) => ['api_id', eb.fn.sum<number>('used').as('used')])
    .execute();
  const successors = await successorsOf(db, rows.map((r) => ({ id: r.api_id, lineage: r.api_lineage ?? r.api_id })));
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    createdAt: r.created_at,
    api: { id: r.api_id, name: r.api_name, version: r.api_version, context: r.api_context, status: r.api_status, successor: successors.get(r.api_id) ?? null },
    tier: { id: r.tier_id, name: r.tier_name, requestsPerMinute: r.requests_per_minute, monthlyQuota: r.monthly_quota },
    requestedTier: r.requested_tier_id && r.requested_tier_name ? { id: r.requested_tier_id, name: r.requested_tier_name } : null,
    quota: { period, used: Number(used.find((u) => u.api_id === r.api_id)?.used ?? 0), limit: r.monthly_quota },
  }));
}
