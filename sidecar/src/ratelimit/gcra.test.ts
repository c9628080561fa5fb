import { describe, expect, it } from 'vitest';
import { GcraLimiter } from './gcra';

const perMinute = (limit: number, burst = limit) => ({ limit, windowMs: 60_000, burst });

describe('GCRA limiter', () => {
  it('admits exactly the limit from idle when the burst equals the limit', () => {
    const limiter = new GcraLimiter();
    const admitted = Array.from({ length: 1000 }, () => limiter.take('sub', perMinute(100), 0)).filter((d) => d.allowed);
    expect(admitted).toHaveLength(100);
  });

  it('refills smoothly at limit/window rather than all at once at a window edge', () => {
    const limiter = new GcraLimiter();
    for (let i = 0; i < 100; i++) limiter.take('sub', perMinute(100), 0);
    expect(limiter.take('sub', perMinute(100), 599).allowed).toBe(false);
    expect(limiter.take('sub', perMinute(100), 600).allowed).toBe(true);
    expect(limiter.take('sub', perMinute(100), 601).allowed).toBe(false);
    // Never more than 100 in any 60 s window, even across the boundary where a fixed window would allow 200.
    let inWindow = 0;
    for (let t = 600; t < 60_600; t += 10) if (limiter.take('sub', perMinute(100), t).allowed) inWindow++;
    expect(inWindow).toBeLessThanOrEqual(100);
  });

  it('tells a rejected caller exactly when to come back', () => {
    const limiter = new GcraLimiter();
    for (let i = 0; i < 10; i++) limiter.take('sub', perMinute(60, 10), 1_000);
    const rejected = limiter.take('sub', perMinute(60, 10), 1_000);
    expect(rejected).toMatchObject({ allowed: false, remaining: 0, retryAfterMs: 1_000 });
    expect(limiter.take('sub', perMinute(60, 10), 1_000 + rejected.retryAfterMs).allowed).toBe(true);
  });

  it('counts remaining requests down to zero', () => {
    const limiter = new GcraLimiter();
    const remaining = Array.from({ length: 5 }, () => limiter.take('sub', perMinute(5), 0).remaining);
    expect(remaining).toEqual([4, 3, 2, 1, 0]);
  });

  it('keeps counters per key, so one subscription cannot starve another', () => {
    const limiter = new GcraLimiter();
    for (let i = 0; i < 3; i++) limiter.take('a', perMinute(3), 0);
    expect(limiter.take('a', perMinute(3), 0).allowed).toBe(false);
    expect(limiter.take('b', perMinute(3), 0).allowed).toBe(true);
  });

  it('forgets counters that are back to full burst', () => {
    const limiter = new GcraLimiter();
    limiter.take('a', perMinute(60), 0);
    limiter.take('b', perMinute(60), 0);
    expect(limiter.sweep(500)).toBe(0);
    expect(limiter.sweep(1_000)).toBe(2);
    expect(limiter.size).toBe(0);
  });
});
