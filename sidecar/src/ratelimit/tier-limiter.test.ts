import { describe, expect, it } from 'vitest';
import type { TierEntity } from '../contract/sync';
import { AddressLimiter } from './address-limiter';
import { TierLimiter } from './tier-limiter';

const tier = (requestsPerMinute: number | null, burst: number | null = null): TierEntity => ({
  tierId: 'tier_gold',
  name: 'Gold',
  requestsPerMinute,
  burst,
  monthlyQuota: null,
});

const sub = (subscriptionId: string) => ({ subscriptionId, appId: `app_${subscriptionId}`, apiId: 'api_pets' });

describe('tier limiter', () => {
  it('lets an unlimited tier through without counters or headers', () => {
    expect(new TierLimiter().check(sub('sub'), tier(null), 0)).toBeNull();
  });

  it('sends RateLimit-Policy and RateLimit on admitted requests, and Retry-After on the refused one', () => {
    const limiter = new TierLimiter();
    const first = limiter.check(sub('sub'), tier(2), 0);
    expect(first?.headers).toEqual({ 'RateLimit-Policy': '"tier_gold";q=2;w=60', RateLimit: '"tier_gold";r=1;t=30' });
    limiter.check(sub('sub'), tier(2), 0);
    const refused = limiter.check(sub('sub'), tier(2), 0);
    expect(refused).toMatchObject({ allowed: false, retryAfterS: 30 });
    expect(refused?.headers['Retry-After']).toBe('30');
  });

  it('applies a changed limit on the next request', () => {
    const limiter = new TierLimiter();
    for (let i = 0; i < 5; i++) limiter.check(sub('sub'), tier(5), 0);
    expect(limiter.check(sub('sub'), tier(5), 0)?.allowed).toBe(false);
    expect(limiter.check(sub('sub'), tier(60, 60), 0)?.allowed).toBe(true);
  });

  it('counts per subscription, so two keys of one application share one allowance', () => {
    const limiter = new TierLimiter();
    expect(limiter.check(sub('sub_a'), tier(1), 0)?.allowed).toBe(true);
    expect(limiter.check(sub('sub_a'), tier(1), 0)?.allowed).toBe(false);
    expect(limiter.check(sub('sub_b'), tier(1), 0)?.allowed).toBe(true);
  });
});

describe('address limiter', () => {
  it('refuses an address past its allowance of failed attempts and forgets it after the window', () => {
    const limiter = new AddressLimiter({ limit: 3, windowMs: 60_000, burst: 3 });
    const results = Array.from({ length: 5 }, () => limiter.allow('10.0.0.1', 0).allowed);
    expect(results).toEqual([true, true, true, false, false]);
    expect(limiter.allow('10.0.0.2', 0).allowed).toBe(true);
    expect(limiter.allow('10.0.0.3', 120_000).allowed).toBe(true);
    expect(limiter.tracked).toBe(1);
  });
});
