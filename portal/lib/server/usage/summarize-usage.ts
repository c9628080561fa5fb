export const USAGE_RANGES = {
  '24h': { spanMs: 24 * 3_600_000, bucketMs: 3_600_000 },
  '7d': { spanMs: 7 * 86_400_000, bucketMs: 6 * 3_600_000 },
  '30d': { spanMs: 30 * 86_400_000, bucketMs: 86_400_000 },
} as const;
export type UsageRange = keyof typeof USAGE_RANGES;

export interface UsageRow {
  at: number;
  status: number;
  latency_ms: number;
}

export interface UsageBucket {
  start: number;
  total: number;
  s2xx: number;
  s3xx: number;
  s4xx: number;
  s5xx: number;
  throttled: number;
  p50: number | null;
  p95: number | null;
}

export type UsageTotals = ReturnType<typeof usageTotals>;

/**
 * The buckets a range is drawn with, aligned to whole buckets so a chart does not shift between refreshes. Events
 * count only inside [start, end): the totals, the buckets and every breakdown then add up to the same figures.
 */
export function usageWindow(range: UsageRange, now: number) {
  const { spanMs, bucketMs } = USAGE_RANGES[range];
  const start = Math.floor((now - spanMs) / bucketMs) * bucketMs + bucketMs;
  const count = Math.round(spanMs / bucketMs);
  return { start, end: start + count * bucketMs, bucketMs, count };
}

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(index, 0)] as number) * 10) / 10;
}

/** Requests, error rate (4xx and 5xx), 429s and latency percentiles of a set of events already inside a window. */
export function usageTotals(rows: readonly UsageRow[]) {
  let errors = 0;
  let throttled = 0;
  for (const row of rows) {
    if (row.status >= 400 && row.status < 600) errors++;
    if (row.status === 429) throttled++;
  }
  const latencies = rows.map((r) => r.latency_ms).sort((a, c) => a - c);
  return {
    requests: rows.length,
    errorRate: rows.length ? errors / rows.length : 0,
    throttled,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
  };
}

/** Buckets raw events by time: status classes, 429s and latency percentiles per bucket and overall. */
export function summarizeUsage(rows: readonly UsageRow[], range: UsageRange, now: number) {
  const { start, bucketMs, count } = usageWindow(range, now);
  const inBucket: UsageRow[][] = Array.from({ length: count }, () => []);
  for (const row of rows) inBucket[Math.floor((row.at - start) / bucketMs)]?.push(row);
  const buckets: UsageBucket[] = inBucket.map((events, i) => {
    const totals = usageTotals(events);
    const bucket = { start: start + i * bucketMs, total: events.length, s2xx: 0, s3xx: 0, s4xx: 0, s5xx: 0, throttled: totals.throttled, p50: totals.p50, p95: totals.p95 };
    for (const e of events) {
      const cls = Math.floor(e.status / 100);
      if (cls === 2) bucket.s2xx++;
      else if (cls === 3) bucket.s3xx++;
      else if (cls === 4) bucket.s4xx++;
      else if (cls === 5) bucket.s5xx++;
    }
    return bucket;
  });
  return { range, bucketMs, buckets, totals: usageTotals(inBucket.flat()) };
}
