import 'server-only';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import { requireAdmin } from '../users/require-role';
import { type UsageRange, summarizeUsage } from './summarize-usage';
import { type UsageShare, usageBreakdown } from './usage-breakdown';
import { toUsageRows, USAGE_FIGURES, usageHoursIn } from './usage-hours-in';

const zeroTotals = { requests: 0, errorRate: 0, throttled: 0, p50: null, p95: null };
const totalsOf = (shares: UsageShare<string>[]) => new Map(shares.map((s) => [s.id, s.totals]));

/**
 * Usage across the whole fleet over a range: overall, per environment and per gateway. Every environment and gateway
 * is listed, quiet ones too, since an idle gateway is itself worth seeing. Each gateway carries the count of events
 * its sidecar dropped at its outbox cap, as last reported (exact, and counted since that sidecar started). Admins only.
 */
export async function getFleetUsage(db: Db, actor: Actor, range: UsageRange, now = Date.now()) {
  requireAdmin(actor);
  const rows = toUsageRows(await usageHoursIn(db, range, now).select([...USAGE_FIGURES, 'environment_id', 'gateway_id']).execute());
  const [environments, gateways] = await Promise.all([
    db.selectFrom('environments').select(['id', 'name']).orderBy('name').execute(),
    db
      .selectFrom('gateways')
      .innerJoin('environments', 'environments.id', 'gateways.environment_id')
      .leftJoin('gateway_usage_stats', 'gateway_usage_stats.gateway_id', 'gateways.id')
      .select(['gateways.id', 'gateways.name', 'gateways.revoked_at', 'environments.id as environment_id', 'environments.name as environment_name', 'gateway_usage_stats.dropped_total', 'gateway_usage_stats.last_batch_at'])
      .orderBy('environments.name')
      .orderBy('gateways.created_at')
      .execute(),
  ]);
  const perEnvironment = totalsOf(usageBreakdown(rows, (r) => r.environment_id, range, now));
  const perGateway = totalsOf(usageBreakdown(rows, (r) => r.gateway_id, range, now));
  return {
    ...summarizeUsage(rows, range, now),
    environments: environments.map((e) => ({ id: e.id, name: e.name, totals: perEnvironment.get(e.id) ?? zeroTotals })),
    gateways: gateways.map((g) => ({
      id: g.id,
      name: g.name,
      environment: { id: g.environment_id, name: g.environment_name },
      revoked: g.revoked_at !== null,
      totals: perGateway.get(g.id) ?? zeroTotals,
      droppedTotal: g.dropped_total === null ? null : Number(g.dropped_total),
      lastReportAt: g.last_batch_at,
    })),
  };
}
