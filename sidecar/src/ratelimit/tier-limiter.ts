import type { TierEntity } from '../contract/sync';
import { GcraLimiter, type RatePolicy } from './gcra';

export interface LimitOutcome {
  allowed: boolean;
  /** `RateLimit-Policy` and `RateLimit` (draft-ietf-httpapi-ratelimit-headers), plus `Retry-After` when refused. */
  headers: Record<string, string>;
  retryAfterS: number;
}

const WINDOW_MS = 60_000;

/** A structured-field token for the policy name: tier ids are ours, but keep the header valid whatever they hold. */
function policyName(tier: TierEntity): string {
  return tier.tierId.replace(/[^A-Za-z0-9_.-]/g, '_');
}

/**
 * Enforces each subscription's tier: counters are keyed by subscription (application x API), never by key
 * string, so rotating a key does not reset them. The tier is read from the synced index on every request, so a
 * limit changed in the portal applies on the first request after the sync that carries it.
 */
export class TierLimiter {
  private readonly gcra = new GcraLimiter();

  check(subscriptionId: string, tier: TierEntity | null, now: number): LimitOutcome | null {
    if (!tier?.requestsPerMinute) return null;
    const policy: RatePolicy = { limit: tier.requestsPerMinute, windowMs: WINDOW_MS, burst: tier.burst || tier.requestsPerMinute };
    const decision = this.gcra.take(subscriptionId, policy, now);
    const name = policyName(tier);
    const resetS = Math.ceil(decision.resetMs / 1000);
    const headers: Record<string, string> = {
      'RateLimit-Policy': `"${name}";q=${policy.limit};w=${WINDOW_MS / 1000}`,
      RateLimit: `"${name}";r=${decision.remaining};t=${decision.allowed ? resetS : Math.ceil(decision.retryAfterMs / 1000)}`,
    };
    const retryAfterS = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    if (!decision.allowed) headers['Retry-After'] = String(retryAfterS);
    return { allowed: decision.allowed, headers, retryAfterS: decision.allowed ? 0 : retryAfterS };
  }
}
