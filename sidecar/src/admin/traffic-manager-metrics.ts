import { Counter, Gauge, type Registry } from 'prom-client';
import type { DecisionCounts } from '../traffic-manager/shared-limits-gate';
import type { TrafficManagerState } from '../traffic-manager/traffic-manager';

/**
 * The traffic manager's figures, read at scrape time from plain numbers it keeps: whether limits are shared right
 * now, how often this replica fell back, and where each limited request was decided.
 */
export function registerTrafficManagerMetrics(registry: Registry, state: () => TrafficManagerState, counts: () => Readonly<DecisionCounts>): void {
  new Gauge({
    name: 'gatehouse_traffic_manager_up',
    help: '1 while rate limits and quotas are shared through Redis, 0 while this replica decides them locally (fallback)',
    registers: [registry],
    collect() {
      this.set(state().mode === 'redis' ? 1 : 0);
    },
  });
  new Counter({
    name: 'gatehouse_traffic_manager_fallbacks_total',
    help: 'Times this replica lost Redis and fell back to its local limiter, since start',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(state().fallbacks);
    },
  });
  new Counter({
    name: 'gatehouse_traffic_manager_decisions_total',
    help: 'Limited requests by where they were decided: redis (shared), local (fallback), unclaimed, abandoned',
    labelNames: ['source'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [source, n] of Object.entries(counts())) this.inc({ source }, n);
    },
  });
}
