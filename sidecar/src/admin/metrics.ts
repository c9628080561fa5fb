import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { SidecarCache } from '../cache/cache-store';
import type { Clock } from '../clock';
import { RequestHistogram } from './request-histogram';
import { createStageTimings, type StageTimings } from './stage-timings';

export interface SidecarMetrics {
  readonly registry: Registry;
  recordRequest(outcome: string, status: number, seconds: number, finished: boolean): void;
  recordSyncAttempt(): void;
  /** The portal could not be reached or refused us (network, timeout, http_status, protocol_unsupported, ...). */
  recordSyncFailure(reason: string): void;
  /** An answer arrived and was refused before touching the cache (signature_invalid, older_revision, ...). */
  recordSyncRejection(reason: string): void;
  /** The sidecar's own time per request, by stage (stage-timings.ts). */
  readonly stages: StageTimings;
}

/**
 * A dedicated registry (not prom-client's global one), so two sidecars in one process, as in tests, never collide.
 * Cache-derived gauges are computed at scrape time from the cache itself rather than pushed on every change.
 */
export function createMetrics(cache: () => SidecarCache, now: Clock): SidecarMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const duration = new RequestHistogram(
    'gatehouse_request_duration_seconds',
    'Time from request to the end of the response',
    'outcome',
    [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  );
  // Resolved once per (outcome, status class), so a request costs one Map lookup and a few additions; the
  // request counter is filled from these plain numbers at scrape time (request-histogram.ts says why).
  const requestSeries = new Map<string, { outcome: string; statusClass: string; count: number; timed: ReturnType<typeof duration.seriesFor> }>();
  const seriesFor = (outcome: string, statusClass: number) => {
    const key = `${outcome} ${statusClass}`;
    let series = requestSeries.get(key);
    if (series === undefined) {
      series = { outcome, statusClass: `${statusClass}xx`, count: 0, timed: duration.seriesFor(outcome) };
      requestSeries.set(key, series);
    }
    return series;
  };
  new Counter({
    name: 'gatehouse_requests_total',
    help: 'Requests on the data port by outcome (proxied, or the problem code) and status class',
    labelNames: ['outcome', 'status_class'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const { outcome, statusClass, count } of requestSeries.values()) this.inc({ outcome, status_class: statusClass }, count);
    },
  });
  registry.registerMetric(duration.asMetric());
  const stages = createStageTimings(registry);
  const syncAttempts = new Counter({ name: 'gatehouse_sync_attempts_total', help: 'Sync polls started', registers: [registry] });
  const syncFailures = new Counter({
    name: 'gatehouse_sync_failures_total',
    help: 'Sync polls that got no usable answer from the portal, by reason',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const syncRejections = new Counter({
    name: 'gatehouse_sync_rejections_total',
    help: 'Sync answers refused by the sidecar (the last good state was kept), by reason',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'gatehouse_sync_revision',
    help: 'Revision of the applied cache state',
    registers: [registry],
    collect() {
      this.set(cache().meta.revision);
    },
  });
  new Gauge({
    name: 'gatehouse_sync_staleness_seconds',
    help: 'Seconds since the last successful sync (-1 when never synced)',
    registers: [registry],
    collect() {
      const last = cache().meta.lastSyncAt;
      this.set(last === null ? -1 : Math.max(0, (now() - last) / 1000));
    },
  });
  new Gauge({
    name: 'gatehouse_cache_entities',
    help: 'Entities in the cache by kind',
    labelNames: ['kind'] as const,
    registers: [registry],
    collect() {
      for (const [kind, count] of Object.entries(cache().index.counts())) this.set({ kind }, count);
    },
  });

  return {
    registry,
    stages,
    recordRequest(outcome, status, seconds, finished) {
      const series = seriesFor(finished ? outcome : 'client_aborted', Math.floor(status / 100));
      series.count += 1;
      duration.observe(series.timed, seconds);
    },
    recordSyncAttempt: () => syncAttempts.inc(),
    recordSyncFailure: (reason) => syncFailures.inc({ reason }),
    recordSyncRejection: (reason) => syncRejections.inc({ reason }),
  };
}
