import { percentile } from '../../sidecar/bench/support/stats';

export interface LoadStats {
  requests: number;
  errors: number;
  firstError: string | null;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

/**
 * `users` people each doing `step` again and again for `durationMs` (a closed loop: each waits for its answer
 * before the next, as a person in a browser does), spread over `bases` round-robin as a load balancer would.
 * Latency is per step; a failed step counts as an error and not as a latency.
 */
export async function closedLoop<U>(users: U[], bases: string[], durationMs: number, step: (user: U, base: string) => Promise<unknown>): Promise<LoadStats> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let next = 0;
  const started = performance.now();
  const end = started + durationMs;
  await Promise.all(
    users.map(async (user) => {
      while (performance.now() < end) {
        const base = bases[next++ % bases.length] as string;
        const t0 = performance.now();
        try {
          await step(user, base);
          latencies.push(performance.now() - t0);
        } catch (err) {
          errors += 1;
          firstError ??= err instanceof Error ? err.message : String(err);
        }
      }
    }),
  );
  const elapsedS = (performance.now() - started) / 1000;
  return {
    requests: latencies.length,
    errors,
    firstError,
    perSecond: latencies.length / elapsedS,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
  };
}
