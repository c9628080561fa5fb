import { GcraLimiter, type RatePolicy } from './gcra';

/**
 * Limits requests that fail authentication, per client address, so that guessing keys is slow and a flood of
 * garbage creates no per-subscription state. Counters back at full burst are swept, which bounds memory to the
 * addresses that misbehaved within the last window.
 */
export class AddressLimiter {
  private readonly gcra = new GcraLimiter();
  private lastSweep = 0;

  constructor(private readonly policy: RatePolicy = { limit: 120, windowMs: 60_000, burst: 60 }) {}

  /** Records one failed attempt; false when the address is over its allowance. */
  allow(address: string, now: number): { allowed: boolean; retryAfterS: number } {
    if (now - this.lastSweep > this.policy.windowMs) {
      this.gcra.sweep(now);
      this.lastSweep = now;
    }
    const d = this.gcra.take(address, this.policy, now);
    return { allowed: d.allowed, retryAfterS: Math.max(1, Math.ceil(d.retryAfterMs / 1000)) };
  }

  get tracked(): number {
    return this.gcra.size;
  }
}
