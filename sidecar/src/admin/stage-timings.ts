import type { Registry } from 'prom-client';
import { RequestHistogram } from './request-histogram';

/**
 * The stages of the sidecar's own work on a request, in the order they run. `start` is the request record, its id
 * and the gateway's response headers; `forward` is the synchronous part of handing the request to the upstream
 * (building its headers, http-proxy opening the request); `finish` is the close listener's request metrics, and
 * `analytics` the usage event's capture (the event object and the outbox append). Time on the network, in the
 * backend and in Node's HTTP parser is not in any stage: the stages are what the sidecar adds.
 */
export const STAGES = ['start', 'admission', 'limits', 'forward', 'finish', 'analytics'] as const;
export type Stage = (typeof STAGES)[number];

/** Microseconds to a few milliseconds: a stage that lands in the last buckets is a regression to look at. */
const BOUNDS = [1e-6, 2e-6, 5e-6, 1e-5, 2e-5, 5e-5, 1e-4, 2e-4, 5e-4, 1e-3, 5e-3];

export interface StageTimings {
  /** Records the time since `since` (a `performance.now()` reading) against a stage; returns the reading it took. */
  lap(stage: Stage, since: number): number;
}

/**
 * Per-stage latency histograms, `gatehouse_request_stage_seconds{stage}`, kept as plain numbers (request-histogram.ts)
 * so that timing a stage costs two clock readings and a bucket search: the bench reads them to break the sidecar's
 * time per request down by stage, and a scrape shows the same breakdown in production.
 */
export function createStageTimings(registry: Registry): StageTimings {
  const histogram = new RequestHistogram('gatehouse_request_stage_seconds', 'Time the sidecar spends in each stage of a request (its own work, not the backend)', 'stage', BOUNDS);
  registry.registerMetric(histogram.asMetric());
  const series = Object.fromEntries(STAGES.map((s) => [s, histogram.seriesFor(s)])) as Record<Stage, ReturnType<typeof histogram.seriesFor>>;
  return {
    lap(stage, since) {
      const now = performance.now();
      histogram.observe(series[stage], (now - since) / 1000);
      return now;
    },
  };
}
