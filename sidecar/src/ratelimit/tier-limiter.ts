import type { TierEntity } from '../contract/sync';
import { type QuotaLedger, usedOf } from '../quota/quota-ledger';
import { GcraLimiter, type RatePolicy } from './gcra';

export interface LimitOutcome {
  allowed: boolean;
  /** Why the gateway refused: over the rate, or the month's quota used up. */
  refused: 'rate' | 'quota' | null;
  /** `RateLimit-Policy` and `RateLimit` (draft-ietf-httpapi-ratelimit-headers), plus `Retry-After` when refused. */
  headers: Record<string, string>;
  retryAfterS: number;
}

export interface Subscriber {
  subscriptionId: string;
  appId: string;
  apiId: string;
}

const WINDOW_MS = 60_000;

/** A structured-field token for the policy name: tier ids are ours, but keep the header valid whatever they hold. */
function policyName(tier: TierEntity): string {
  return tier.tierId.replace(/[^A-Za-z0-9_.-]/g, '_');
}

/**
 * Enforces each subscription's tier: a GCRA rate keyed by subscription, and the monthly quota counted by the ledger
 * per application x API; neither is keyed by key string, so rotating a key resets nothing. The tier is read from the
 * synced index on every request, so a limit changed in the portal applies on the first request after the sync.
 * A request refused by one limit consumes nothing from the other.
 */
export class TierLimiter {
  private readonly gcra = new GcraLimiter();

  constructor(private readonly quotas: QuotaLedger | null = null) {}

  check(who: Subscriber, tier: TierEntity | null, now: number): LimitOutcome | null {
    if (!tier) return null;
    const quota = tier.monthlyQuota ?? 0;
    const quotas = quota > 0 ? this.quotas : null;
    if (!tier.requestsPerMinute && !quotas) return null;
    const name = policyName(tier);
    const headers: Record<string, string> = {};
    const policies: string[] = [];
    const states: string[] = [];
    if (tier.requestsPerMinute) policies.push(`"${name}";q=${tier.requestsPerMinute};w=${WINDOW_MS / 1000}`);

    // The quota is only looked at here: a request it refuses must not take a rate token.
    const counter = quotas?.counter(who.appId, who.apiId, now);
    let monthLeftS = 0;
    if (quotas && counter) {
      const { startMs, endMs } = quotas.currentPeriod;
      monthLeftS = Math.ceil((endMs - now) / 1000);
      policies.push(`"${name}-monthly";q=${quota};w=${Math.round((endMs - startMs) / 1000)}`);
      if (usedOf(counter) >= quota) {
        const retryAfterS = Math.max(1, monthLeftS);
        headers['RateLimit-Policy'] = policies.join(', ');
        headers.RateLimit = `"${name}-monthly";r=0;t=${retryAfterS}`;
        headers['Retry-After'] = String(retryAfterS);
        return { allowed: false, refused: 'quota', headers, retryAfterS };
      }
    }

    if (tier.requestsPerMinute) {
      const policy: RatePolicy = {
        limit: tier.requestsPerMinute,
        windowMs: WINDOW_MS,
        burst: tier.burst || tier.requestsPerMinute,
      };
      const decision = this.gcra.take(who.subscriptionId, policy, now);
      if (!decision.allowed) {
        const retryAfterS = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
        headers['RateLimit-Policy'] = policies.join(', ');
        headers.RateLimit = `"${name}";r=0;t=${Math.ceil(decision.retryAfterMs / 1000)}`;
        headers['Retry-After'] = String(retryAfterS);
        return { allowed: false, refused: 'rate', headers, retryAfterS };
      }
      states.push(`"${name}";r=${decision.remaining};t=${Math.ceil(decision.resetMs / 1000)}`);
    }

    if (quotas && counter) {
      quotas.spend(counter);
      states.push(`"${name}-monthly";r=${quota - usedOf(counter)};t=${monthLeftS}`);
    }
    headers['RateLimit-Policy'] = policies.join(', ');
    headers.RateLimit = states.join(', ');
    return { allowed: true, refused: null, headers, retryAfterS: 0 };
  }
}
