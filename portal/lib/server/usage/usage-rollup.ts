import 'server-only';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { addLatency, type LatencyHistogram, mergeHistogram } from './latency-histogram';
import type { UsageCounts } from './summarize-usage';

export const HOUR_MS = 3_600_000;

interface StoredEvent {
  api_id: string;
  app_id: string;
  at: number | string;
  status: number;
  latency_ms: number;
}

interface HourDelta extends UsageCounts {
  hour: number;
  apiId: string;
  appId: string;
}

function deltas(events: readonly StoredEvent[]): HourDelta[] {
  const byHour = new Map<string, HourDelta>();
  for (const e of events) {
    const hour = Math.floor(Number(e.at) / HOUR_MS) * HOUR_MS;
    const key = `${hour}\u0000${e.api_id}\u0000${e.app_id}`;
    let d = byHour.get(key);
    if (!d) {
      d = { hour, apiId: e.api_id, appId: e.app_id, requests: 0, s2xx: 0, s3xx: 0, s4xx: 0, s5xx: 0, throttled: 0, latency: {} };
      byHour.set(key, d);
    }
    d.requests++;
    const cls = Math.floor(e.status / 100);
    if (cls === 2) d.s2xx++;
    else if (cls === 3) d.s3xx++;
    else if (cls === 4) d.s4xx++;
    else if (cls === 5) d.s5xx++;
    if (e.status === 429) d.throttled++;
    addLatency(d.latency, e.latency_ms);
  }
  return [...byHour.values()];
}

/**
 * Adds newly stored events (only those: a re-sent batch adds nothing) to the hourly rollup the usage views read.
 * Runs inside the ingest transaction, so the rollup and usage_events never disagree.
 */
export async function rollUpUsage(trx: Transaction<DB>, gateway: { id: string; environment: { id: string } }, inserted: readonly StoredEvent[]): Promise<void> {
  for (const d of deltas(inserted)) {
    const existing = await trx
      .selectFrom('usage_hourly')
      .where('hour', '=', d.hour)
      .where('gateway_id', '=', gateway.id)
      .where('api_id', '=', d.apiId)
      .where('app_id', '=', d.appId)
      .select('latency_hist')
      .executeTakeFirst();
    const latency = JSON.stringify(existing ? mergeHistogram(JSON.parse(existing.latency_hist) as LatencyHistogram, d.latency) : d.latency);
    await trx
      .insertInto('usage_hourly')
      .values({
        hour: d.hour,
        gateway_id: gateway.id,
        environment_id: gateway.environment.id,
        api_id: d.apiId,
        app_id: d.appId,
        requests: d.requests,
        s2xx: d.s2xx,
        s3xx: d.s3xx,
        s4xx: d.s4xx,
        s5xx: d.s5xx,
        throttled: d.throttled,
        latency_hist: latency,
      })
      .onConflict((oc) =>
        oc.columns(['hour', 'gateway_id', 'api_id', 'app_id']).doUpdateSet({
          requests: sql`usage_hourly.requests + ${d.requests}`,
          s2xx: sql`usage_hourly.s2xx + ${d.s2xx}`,
          s3xx: sql`usage_hourly.s3xx + ${d.s3xx}`,
          s4xx: sql`usage_hourly.s4xx + ${d.s4xx}`,
          s5xx: sql`usage_hourly.s5xx + ${d.s5xx}`,
          throttled: sql`usage_hourly.throttled + ${d.throttled}`,
          latency_hist: latency,
        }),
      )
      .execute();
  }
}
