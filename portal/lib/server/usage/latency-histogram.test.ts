import { describe, expect, it } from 'vitest';
import { addLatency, histogramPercentile, type LatencyHistogram, latencyBucket, mergeHistogram } from './latency-histogram';

describe('latency histogram', () => {
  it('puts each latency in a bucket at most 19% wide, with everything up to 0.1 ms in the first', () => {
    expect(latencyBucket(0)).toBe(0);
    expect(latencyBucket(0.1)).toBe(0);
    expect(latencyBucket(0.2)).toBe(4);
    expect(latencyBucket(0.21)).toBe(5);
    expect(latencyBucket(10 ** 9)).toBe(100);
  });

  it('estimates percentiles within 10% of the exact nearest-rank value', () => {
    const latencies = Array.from({ length: 1000 }, (_, i) => 0.5 + (i * 37) % 997 * 1.3);
    const histogram: LatencyHistogram = {};
    for (const ms of latencies) addLatency(histogram, ms);
    const sorted = [...latencies].sort((a, b) => a - b);
    for (const p of [50, 95, 99]) {
      const exact = sorted[Math.ceil((p / 100) * sorted.length) - 1] as number;
      expect(Math.abs((histogramPercentile(histogram, p) as number) - exact) / exact).toBeLessThan(0.1);
    }
  });

  it('merges as if the events had been counted together, and has no percentile when empty', () => {
    const a: LatencyHistogram = {};
    const b: LatencyHistogram = {};
    addLatency(a, 5);
    addLatency(b, 500, 3);
    expect(histogramPercentile(mergeHistogram(a, b), 50)).toBeGreaterThan(400);
    expect(histogramPercentile({}, 50)).toBeNull();
  });
});
