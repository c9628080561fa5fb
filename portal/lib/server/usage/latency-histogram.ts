/**
 * Latency histograms with log-spaced buckets (four per doubling, from 0.1 ms), stored sparsely as { index: count }.
 * Hourly rollups keep one per row, so percentiles over any range come from merged histograms instead of raw events;
 * interpolating inside a bucket keeps the estimate within about 10% of the true value (each bucket spans 19%).
 */
export type LatencyHistogram = Record<string, number>;

const BASE_MS = 0.1;
const PER_DOUBLING = 4;
// 2^(100/4) x 0.1 ms is past 55 minutes: above any timeout a gateway would let a request run.
const LAST = 100;

export function latencyBucket(ms: number): number {
  if (!(ms > BASE_MS)) return 0;
  return Math.min(LAST, Math.ceil(PER_DOUBLING * Math.log2(ms / BASE_MS) - 1e-9));
}

function upperBound(index: number): number {
  return BASE_MS * 2 ** (index / PER_DOUBLING);
}

export function addLatency(histogram: LatencyHistogram, ms: number, count = 1): void {
  const key = String(latencyBucket(ms));
  histogram[key] = (histogram[key] ?? 0) + count;
}

export function mergeHistogram(into: LatencyHistogram, from: LatencyHistogram): LatencyHistogram {
  for (const key in from) into[key] = (into[key] ?? 0) + (from[key] as number);
  return into;
}

/** The p-th percentile (0-100) by the nearest-rank rule, interpolated inside its bucket; null when empty. */
export function histogramPercentile(histogram: LatencyHistogram, p: number): number | null {
  const buckets = Object.entries(histogram)
    .map(([k, n]) => [Number(k), n] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const [index, n] of buckets) {
    if (seen + n >= rank) {
      const lower = index === 0 ? 0 : upperBound(index - 1);
      const upper = upperBound(index);
      return Math.round((lower + ((upper - lower) * (rank - seen)) / n) * 10) / 10;
    }
    seen += n;
  }
  return null;
}
