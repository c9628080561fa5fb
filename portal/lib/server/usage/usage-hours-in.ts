import 'server-only';
import type { Db } from '../db/client';
import type { LatencyHistogram } from './latency-histogram';
import { type UsageRange, type UsageRow, usageWindow } from './summarize-usage';

/** The rollup's figures every view needs; callers add the dimension columns they break down by. */
export const USAGE_FIGURES = ['hour', 'requests', 's2xx', 's3xx', 's4xx', 's5xx', 'throttled', 'latency_hist'] as const;

/**
 * Rollup rows inside a range's window, the same window the summaries count. Callers narrow it by an indexed column
 * (app_id or api_id; the window alone uses the primary key, which starts with the hour).
 */
export function usageHoursIn(db: Db, range: UsageRange, now: number) {
  const { start, end } = usageWindow(range, now);
  return db.selectFrom('usage_hourly').where('hour', '>=', start).where('hour', '<', end);
}

type Stored = { hour: number | string; requests: number | string; s2xx: number | string; s3xx: number | string; s4xx: number | string; s5xx: number | string; throttled: number | string; latency_hist: string };

/** Numbers from bigint columns (PostgreSQL drivers return strings) and the parsed histogram, with any other columns kept. */
export function toUsageRows<R extends Stored>(rows: R[]): (Omit<R, keyof Stored> & UsageRow)[] {
  return rows.map(({ hour, requests, s2xx, s3xx, s4xx, s5xx, throttled, latency_hist, ...rest }) => ({
    ...rest,
    at: Number(hour),
    requests: Number(requests),
    s2xx: Number(s2xx),
    s3xx: Number(s3xx),
    s4xx: Number(s4xx),
    s5xx: Number(s5xx),
    throttled: Number(throttled),
    latency: JSON.parse(latency_hist) as LatencyHistogram,
  }));
}
