import 'server-only';
import type { UsageAck, UsageBatch } from '@gatehouse/sidecar/contract/analytics';
import { sql } from 'kysely';
import type { Db } from '../db/client';
import { nowIso } from '../ids';
import { countTowardsQuota, quotaUsageFor } from './quota-usage';
import { reportableEvents } from './reportable-events';
import { rollUpUsage } from './usage-rollup';

export interface IngestingGateway {
  id: string;
  environment: { id: string };
}

// SQLite caps bound parameters per statement; 13 columns x 80 rows stays well under it.
const CHUNK = 80;

/**
 * Stores a batch idempotently: events already stored (same gateway and event id) are skipped, so a batch re-sent
 * after a lost acknowledgement changes nothing, quota counts included. Key last-used times move forward only. The
 * acknowledgement carries the quota counts of the batch's subscriptions, for the sidecar to reconcile with.
 * Events for traffic the gateway's environment does not route are refused: not stored, not counted towards any
 * quota, no key touched, and their number added to the gateway's `rejected_total` (the acknowledgement's shape is
 * the sidecar's contract, so they appear there only as not accepted).
 */
export async function ingestUsageBatch(db: Db, gateway: IngestingGateway, batch: UsageBatch): Promise<UsageAck> {
  const source = { gatewayId: gateway.id, node: batch.node };
  return db.transaction().execute(async (trx) => {
    let accepted = 0;
    const { accepted: events, rejected } = await reportableEvents(trx, gateway.environment.id, batch.events);
    if (rejected > 0) {
      console.warn(JSON.stringify({ level: 'warn', msg: 'usage events refused: not routed by this gateway', gatewayId: gateway.id, rejected }));
    }
    for (let i = 0; i < events.length; i += CHUNK) {
      const rows = events.slice(i, i + CHUNK).map((e) => ({
        gateway_id: gateway.id,
        event_id: e.eventId,
        environment_id: gateway.environment.id,
        api_id: e.apiId,
        app_id: e.appId,
        key_id: e.keyId ?? null,
        method: e.method,
        status: e.status,
        latency_ms: e.latencyMs,
        bytes_in: e.bytesIn,
        bytes_out: e.bytesOut,
        at: e.at,
        refused: e.refused ?? null,
      }));
      // RETURNING with DO NOTHING yields only the rows actually inserted: a duplicate must not count twice.
      const inserted = await trx
        .insertInto('usage_events')
        .values(rows)
        .onConflict((oc) => oc.doNothing())
        .returning(['app_id', 'api_id', 'at', 'refused', 'status', 'latency_ms'])
        .execute();
      accepted += inserted.length;
      await countTowardsQuota(trx, source, inserted);
      await rollUpUsage(trx, gateway, inserted);
    }
    const lastUsed = new Map<string, number>();
    for (const e of events) if (e.keyId) lastUsed.set(e.keyId, Math.max(lastUsed.get(e.keyId) ?? 0, e.at));
    for (const [keyId, at] of lastUsed) {
      const iso = new Date(at).toISOString();
      await trx
        .updateTable('api_keys')
        .set({ last_used_at: iso })
        .where('id', '=', keyId)
        .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', iso)]))
        .execute();
    }
    await trx
      .insertInto('gateway_usage_stats')
      .values({ gateway_id: gateway.id, dropped_total: batch.droppedTotal, events_total: accepted, rejected_total: rejected, last_batch_at: nowIso() })
      .onConflict((oc) =>
        oc.column('gateway_id').doUpdateSet({
          dropped_total: batch.droppedTotal,
          events_total: sql`gateway_usage_stats.events_total + ${accepted}`,
          rejected_total: sql`gateway_usage_stats.rejected_total + ${rejected}`,
          last_batch_at: nowIso(),
        }),
      )
      .execute();
    // Only for what it may report: the counts of other environments' subscriptions are not this gateway's to read.
    const quota = await quotaUsageFor(trx, source, events);
    return { batchId: batch.batchId, accepted, duplicates: events.length - accepted, quota };
  });
}
