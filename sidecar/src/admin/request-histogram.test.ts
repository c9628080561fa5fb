import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { RequestHistogram } from './request-histogram';

const BOUNDS = [0.001, 0.01, 0.1, 1];
const OBSERVED: [string, number][] = [['proxied', 0.0005], ['proxied', 0.001], ['proxied', 0.05], ['UNKNOWN', 3], ['proxied', 0.2], ['UNKNOWN', 0.01]];

describe('request histogram', () => {
  it('exposes exactly what prom-client Histogram exposes for the same observations', async () => {
    const theirs = new Registry();
    const reference = new Histogram({ name: 'h_seconds', help: 'help', labelNames: ['outcome'], buckets: BOUNDS, registers: [theirs] });
    const ours = new Registry();
    const histogram = new RequestHistogram('h_seconds', 'help', 'outcome', BOUNDS);
    ours.registerMetric(histogram.asMetric());
    for (const [outcome, seconds] of OBSERVED) {
      reference.labels(outcome).observe(seconds);
      histogram.observe(histogram.seriesFor(outcome), seconds);
    }
    expect(await ours.metrics()).toBe(await theirs.metrics());
  });

  it('starts empty again after a registry reset', async () => {
    const registry = new Registry();
    const histogram = new RequestHistogram('h_seconds', 'help', 'outcome', BOUNDS);
    registry.registerMetric(histogram.asMetric());
    histogram.observe(histogram.seriesFor('proxied'), 0.5);
    registry.resetMetrics();
    expect((await histogram.get()).values).toEqual([]);
  });
});
