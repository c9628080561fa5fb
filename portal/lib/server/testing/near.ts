import { expect } from 'vitest';

/** Latency percentiles come from histograms (usage/latency-histogram.ts): the estimate is within 10% of the exact value. */
export function near(exact: number) {
  return expect.toSatisfy((v: number) => Math.abs(v - exact) <= exact * 0.1, `within 10% of ${exact}`);
}
