import { histogramPercentile, type LatencyHistogram, mergeHistogram } from './latency-histogram';

export const USAGE_RANGES = {
  '24h': { spanMs: 24 * 3_600_000, bucketMs: 3_600_000 },
  '7d': { spanMs: 7 * 86_400_000, bucketMs: 6 * 3_600_000 },
  '30d': { spanMs: 30 * 86_400_000, bucketMs: 86_400_000 },
} as const;
export type UsageRange = keyof typeof USAGE_RANGES;

/** What the rollup counts for each hour, and every view adds up. */
export interface UsageCounts {
  requests: number;
  s2xx: number;
  s3xx: number;
  s4xx: number;
  s5xx: number;
  throttled: number;
  latency: LatencyHistogram;
}

/** One hour of one gateway x API x application from the rollup (see usage-rollup.ts): the unit every view sums. */
export interface UsageRow extends UsageCounts {
  at: number;
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

/** Requests, error rate (4xx and 5xx), 429s and latency percentiles of rollup rows already inside a window. */
export function usageTotals(rows: readonly UsageRow[]) {
  let requests = 0;
  let errors = 0;
  let throttled = 0;
  const latency: LatencyHistogram = {};
  for (const row of rows) {
    requests += row.requests;
    errors += row.s4xx + row.s5xx;
    throttled += row.throttled;
    mergeHistogram(latency, row.latency);
  }
  return {
    requests,
    errorRate: requests ? errors / requests : 0,
    throttled,
    p50: histogramPercentile(latency, 50),
    p95: histogramPercentile(latency, 95),
  };
}

/** Buckets rollup rows by time: status classes, 429s and latency percentiles per bucket and overall. */
export function summarizeUsage(rows: readonly UsageRow[], range: UsageRange, now: number) {
  const { start, bucketMs, count } = usageWindow(range, now);
  const inBucket: UsageRow[][] = Array.from({ length: count }, () => []);
  for (const row of rows) inBucket[Math.floor((row.at - start) / bucketMs)]?.push(row);
  const buckets: UsageBucket[] = inBucket.map((hours, i) => {
    const totals = usageTotals(hours);
    const bucket = { start: start + i * bucketMs, total: totals.requests, s2xx: 0, s3xx: 0, s4xx: 0, s5xx: 0, throttled: totals.throttled, p50: totals.p50, p95: totals.p95 };
    for (const h of hours) {
      bucket.s2xx += h.s2xx;
      bucket.s3xx += h.s3xx;
      bucket.s4xx += h.s4xx;
      bucket.s5xx += h.s5xx;
    }
    return bucket;
  });
  return { range, bucketMs, buckets, totals: usageTotals(inBucket.flat()) };
}
