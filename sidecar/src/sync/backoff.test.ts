import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_BACKOFF } from './backoff';

describe('sync backoff', () => {
  it('doubles its ceiling from 250 ms up to 30 s, with full jitter below it', () => {
    expect(backoffDelayMs(1, DEFAULT_BACKOFF, () => 0.999)).toBe(249);
    expect(backoffDelayMs(3, DEFAULT_BACKOFF, () => 0.999)).toBe(999);
    expect(backoffDelayMs(50, DEFAULT_BACKOFF, () => 0.999)).toBe(29_970);
    expect(backoffDelayMs(50, DEFAULT_BACKOFF, () => 0)).toBe(0);
  });
});
