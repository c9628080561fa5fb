import 'server-only';
import type { QuotaUsage } from '@gatehouse/sidecar/contract/analytics';
import { quotaPeriodAt } from '@gatehouse/sidecar/contract/quota-period';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/client';
import type { DB } from '../db/schema';

/** Where a batch came from: quota counts are kept per reporting node so each can be told "the rest of the fleet". */
export interface QuotaSource {
  gatewayId: string;
  node: string;
}

interface CountedEvent {
  app_id: string;
  api_id: string;
  at: number | string;
  refused: string | null;
}

const subscriptionKey = (appId: string, apiId: string, period: string) => `${appId}\u0000${apiId}\u0000${period}`;

/** Adds newly stored events to the quota counts; events the gateway refused never count. */
export async function countTowardsQuota(trx: Transaction<DB>, source: QuotaSource, inserted: CountedEvent[]): Promise<void> {
  const increments = new Map<string, { appId: string; apiId: string; period: string; n: number }>();
  for (const e of inserted) {
    if (e.refused) continue;
    const period = quotaPeriodAt(Number(e.at)).name;
    const k = subscriptionKey(e.app_id, e.api_id, period);
    const entry = increments.get(k) ?? { appId: e.app_id, apiId: e.api_id, period, n: 0 };
    entry.n++;
    increments.set(k, entry);
  }
  for (const { appId, apiId, period, n } of increments.values()) {
    await trx
      .insertInto('quota_usage')
      .values({ app_id: appId, api_id: apiId, period, gateway_id: source.gatewayId, node: source.node, used: n })
      .onConflict((oc) => oc.columns(['app_id', 'api_id', 'period', 'gateway_id', 'node']).doUpdateSet({ used: sql`quota_usage.used + ${n}` }))
      .execute();
  }
}

/** The fleet-wide and this node's counts for every subscription and period a batch touched (the acknowledgement's `quota`). */
export async function quotaUsageFor(
  trx: Transaction<DB>,
  source: QuotaSource,
  events: readonly { appId: string; apiId: string; at: number }[],
): Promise<QuotaUsage[]> {
  const wanted = new Map<string, QuotaUsage>();
  for (const e of events) {
    const period = quotaPeriodAt(e.at).name;
    const k = subscriptionKey(e.appId, e.apiId, period);
    if (!wanted.has(k)) wanted.set(k, { appId: e.appId, apiId: e.apiId, period, used: 0, usedHere: 0 });
  }
  for (const q of wanted.values()) {
    const row = await trx
      .selectFrom('quota_usage')
      .where('app_id', '=', q.appId)
      .where('api_id', '=', q.apiId)
      .where('period', '=', q.period)
      .select((eb) => [
        eb.fn.coalesce(eb.fn.sum<number>('used'), sql<number>`0`).as('used'),
        eb.fn
          .coalesce(eb.fn.sum<number>(eb.case().when(eb.and([eb('gateway_id', '=', source.gatewayId), eb('node', '=', source.node)])).then(eb.ref('used')).else(0).end()), sql<number>`0`)
          .as('here'),
      ])
      .executeTakeFirst();
    q.used = Number(row?.used ?? 0);
    q.usedHere = Number(row?.here ?? 0);
  }
  return [...wanted.values()];
}

/**
 * This month's quota use of some applications on one API, with the limit of the tier each is subscribed on (null:
 * the tier has no quota). Applications no longer subscribed keep their count but have no limit to show.
 */
export async function monthlyQuotaUse(db: Db, apiId: string, appIds: string[], now: number) {
  const period = quotaPeriodAt(now).name;
  if (appIds.length === 0) return new Map<string, { period: string; used: number; limit: number | null }>();
  const [used, limits] = await Promise.all([
    db
      .selectFrom('quota_usage')
      .where('api_id', '=', apiId)
      .where('period', '=', period)
      .where('app_id', 'in', appIds)
      .groupBy('app_id')
      .select((eb) => ['app_id', eb.fn.sum<number>('used').as('used')])
      .execute(),
    db
      .selectFrom('subscriptions')
      .innerJoin('tiers', 'tiers.id', 'subscriptions.tier_id')
      .where('subscriptions.api_id', '=', apiId)
      .where('subscriptions.app_id', 'in', appIds)
      .select(['subscriptions.app_id', 'tiers.monthly_quota'])
      .execute(),
  ]);
  return new Map(
    appIds.map((appId) => [
      appId,
      { period, used: Number(used.find((u) => u.app_id === appId)?.used ?? 0), limit: limits.find((l) => l.app_id === appId)?.monthly_quota ?? null },
    ]),
  );
}
