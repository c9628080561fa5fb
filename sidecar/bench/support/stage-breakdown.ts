import { httpGet } from './processes';
import { fmt, median, table } from './stats';

/** One stage's histogram as scraped: cumulative counts per upper bound (seconds), the last one +Inf. */
interface StageHistogram {
  bounds: number[];
  cumulative: number[];
  sum: number;
  count: number;
}
export type StageScrape = Map<string, StageHistogram>;

export interface StageStats {
  stage: string;
  requests: number;
  meanUs: number;
  p50Us: number;
  p99Us: number;
  /** Upper bounds in seconds (the last +Inf) and the requests of this interval in each bucket. */
  bounds: number[];
  buckets: number[];
}

const METRIC = 'gatehouse_request_stage_seconds';

/** The sidecar's per-stage histograms (admin/stage-timings.ts) from its /metrics, as exposed. */
export async function scrapeStages(metricsUrl: string): Promise<StageScrape> {
  const text = await httpGet(metricsUrl);
  const stages: StageScrape = new Map();
  const of = (stage: string) => {
    const known = stages.get(stage);
    if (known) return known;
    const h: StageHistogram = { bounds: [], cumulative: [], sum: 0, count: 0 };
    stages.set(stage, h);
    return h;
  };
  for (const line of text.split('\n')) {
    if (!line.startsWith(METRIC)) continue;
    const match = /^(\w+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!match) continue;
    const [, name, labelText, value] = match as unknown as [string, string, string, string];
    const labels = Object.fromEntries([...labelText.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const h = of(labels.stage ?? '?');
    if (name === `${METRIC}_bucket`) {
      h.bounds.push(labels.le === '+Inf' ? Number.POSITIVE_INFINITY : Number(labels.le));
      h.cumulative.push(Number(value));
    } else if (name === `${METRIC}_sum`) h.sum = Number(value);
    else if (name === `${METRIC}_count`) h.count = Number(value);
  }
  return stages;
}

/** A percentile inside the bucket that holds it, linearly interpolated (the usual Prometheus estimate). */
function quantileUs(bounds: number[], counts: number[], total: number, q: number): number {
  const rank = q * total;
  let below = 0;
  for (let i = 0; i < bounds.length; i++) {
    const inBucket = counts[i] as number;
    if (below + inBucket >= rank && inBucket > 0) {
      const upper = bounds[i] as number;
      const lower = i === 0 ? 0 : (bounds[i - 1] as number);
      // Past the last finite bound there is nothing to interpolate to: report the bound, marked by the caller.
      if (!Number.isFinite(upper)) return lower * 1e6;
      return (lower + ((rank - below) / inBucket) * (upper - lower)) * 1e6;
    }
    below += inBucket;
  }
  return Number.NaN;
}

/** What happened between two scrapes: per stage, the requests timed and their mean, p50 and p99 in microseconds. */
export function stagesBetween(before: StageScrape, after: StageScrape): StageStats[] {
  const stats: StageStats[] = [];
  for (const [stage, a] of after) {
    const b = before.get(stage);
    const count = a.count - (b?.count ?? 0);
    if (count <= 0) continue;
    // Cumulative to per-bucket counts of this interval.
    const counts = a.cumulative.map((c, i) => c - (b?.cumulative[i] ?? 0) - (i === 0 ? 0 : (a.cumulative[i - 1] as number) - (b?.cumulative[i - 1] ?? 0)));
    stats.push({ stage, requests: count, meanUs: ((a.sum - (b?.sum ?? 0)) / count) * 1e6, p50Us: quantileUs(a.bounds, counts, count, 0.5), p99Us: quantileUs(a.bounds, counts, count, 0.99), bounds: a.bounds, buckets: counts });
  }
  return stats;
}

/**
 * The latency breakdown: per target and stage, medians over the rounds. "per request" spreads a stage's time over
 * every proxied request (limits and analytics run only when on), so the column adds up to the sidecar's own time.
 */
export function printStages(byTarget: Map<string, StageStats[][]>, log: (line: string) => void): void {
  for (const [target, rounds] of byTarget) {
    const proxied = median(rounds.map((r) => r.find((s) => s.stage === 'forward')?.requests ?? Number.NaN));
    const names = [...new Set(rounds.flat().map((s) => s.stage))];
    let total = 0;
    const rows = names.map((stage) => {
      const mine = rounds.map((r) => r.find((s) => s.stage === stage)).filter((s): s is StageStats => s !== undefined);
      const perRequest = median(mine.map((s) => (s.meanUs * s.requests) / proxied));
      total += perRequest;
      return [stage, fmt(median(mine.map((s) => s.meanUs)), 2), fmt(median(mine.map((s) => s.p50Us)), 2), fmt(median(mine.map((s) => s.p99Us)), 2), fmt(perRequest, 2)];
    });
    rows.push(['sidecar total', '', '', '', fmt(total, 2)]);
    log(`\nLatency breakdown, ${target}: the sidecar's own time per stage (gatehouse_request_stage_seconds, median of rounds; p50/p99 interpolated in buckets)`);
    log(table(['stage', 'mean us', 'p50 us', 'p99 us', 'us per request'], rows));
    printDistribution(names, rounds, log);
  }
}

/** The histogram itself, every round pooled: the share of each stage's requests per bucket, so a shift shows. */
function printDistribution(names: string[], rounds: StageStats[][], log: (line: string) => void): void {
  const bounds = rounds.flat()[0]?.bounds;
  if (!bounds) return;
  const label = (upper: number, i: number) => (Number.isFinite(upper) ? `<=${fmtUs(upper)}` : `>${fmtUs(bounds[i - 1] as number)}`);
  const rows = names.map((stage) => {
    const pooled = bounds.map(() => 0);
    for (const s of rounds.flat()) {
      if (s.stage !== stage) continue;
      for (let i = 0; i < pooled.length; i++) pooled[i] = (pooled[i] as number) + (s.buckets[i] ?? 0);
    }
    const total = pooled.reduce((a, b) => a + b, 0);
    return [stage, ...pooled.map((n) => (n === 0 ? '.' : `${fmt((100 * n) / total, 1)}%`))];
  });
  log('  histogram: share of requests per bucket');
  log(table(['stage', ...bounds.map(label)], rows));
}

function fmtUs(seconds: number): string {
  const us = seconds * 1e6;
  return us >= 1000 ? `${us / 1000}ms` : `${us}us`;
}
