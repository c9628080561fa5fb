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

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(index, 0)] as number) * 10) / 10;
}

/** Buckets raw events by time: status classes, 429s and latency percentiles per bucket and overall. */
export function summarizeUsage(rows: UsageRow[], range: UsageRange, now: number) {
  const { spanMs, bucketMs } = USAGE_RANGES[range];
  const first = Math.floor((now - spanMs) / bucketMs) * bucketMs + bucketMs;
  const count = Math.round(spanMs / bucketMs);
  const latencies: number[][] = Array.from({ length: count }, () => []);
  const buckets: UsageBucket[] = Array.from({ length: count }, (_, i) => ({
    start: first + i * bucketMs,
    total: 0,
    s2xx: 0,
    s3xx: 0,
    s4xx: 0,
    s5xx: 0,
    throttled: 0,
    p50: null,
    p95: null,
  }));
  for (const row of rows) {
    const i = Math.floor((row.at - first) / bucketMs);
    const bucket = buckets[i];
    if (!bucket) continue;
    bucket.total++;
    const cls = Math.floor(row.status / 100);
    if (cls === 2) bucket.s2xx++;
    else if (cls === 3) bucket.s3xx++;
    else if (cls === 4) bucket.s4xx++;
    else if (cls === 5) bucket.s5xx++;
    if (row.status === 429) bucket.throttled++;
    latencies[i]?.push(row.latency_ms);
  }
  buckets.forEach((b, i) => {
    const sorted = (latencies[i] ?? []).sort((a, c) => a - c);
    b.p50 = percentile(sorted, 50);
    b.p95 = percentile(sorted, 95);
  });
  const all = latencies.flat().sort((a, c) => a - c);
  const total = buckets.reduce((n, b) => n + b.total, 0);
  const errors = buckets.reduce((n, b) => n + b.s4xx + b.s5xx, 0);
  return {
    range,
    bucketMs,
    buckets,
    totals: {
      requests: total,
      errorRate: total ? errors / total : 0,
      throttled: buckets.reduce((n, b) => n + b.throttled, 0),
      p50: percentile(all, 50),
      p95: percentile(all, 95),
    },
  };
}
