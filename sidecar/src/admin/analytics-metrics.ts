import { Counter, Gauge, type Registry } from 'prom-client';
import type { Outbox } from '../analytics/outbox';
import type { Shipper } from '../analytics/shipper';

/**
 * Outbox and shipper figures, read at scrape time. The counters mirror exact totals kept by the outbox (reset
 * and set in `collect`), so a scrape never disagrees with what the sidecar reports to the portal.
 */
export function registerAnalyticsMetrics(registry: Registry, outbox: () => Outbox, shipper: () => Shipper): void {
  new Gauge({
    name: 'gatehouse_analytics_outbox_events',
    help: 'Usage events waiting in the outbox (on disk and in the group-commit buffer)',
    registers: [registry],
    collect() {
      this.set(outbox().stored + outbox().buffered);
    },
  });
  new Counter({
    name: 'gatehouse_analytics_dropped_events_total',
    help: 'Usage events dropped because the outbox was at its cap, since start (exact)',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(outbox().dropped);
    },
  });
  new Counter({
    name: 'gatehouse_analytics_shipped_events_total',
    help: 'Usage events the portal acknowledged, since start',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(shipper().state.shippedEvents);
    },
  });
}
