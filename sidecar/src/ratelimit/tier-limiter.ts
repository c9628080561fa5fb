import type { TierEntity } from '../contract/sync';
import { type QuotaLedger, usedOf } from '../quota/quota-ledger';
import { GcraLimiter, type RatePolicy } from './gcra';
import { type LimitOutcome, limitOutcome, type QuotaState, WINDOW_MS } from './limit-outcome';

export type { LimitOutcome } from './limit-outcome';

export interface Subscriber {
  subscriptionId: string;
  appId: string;
  apiId: string;
}

/** The tier's per-minute policy, or null when the tier sets none. */
export function ratePolicyOf(tier: TierEntity): RatePolicy | null {
  if (!tier.requestsPerMinute) return null;
  return { limit: tier.requestsPerMinute, windowMs: WINDOW_MS, burst: tier.burst || tier.requestsPerMinute };
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
    const policy = ratePolicyOf(tier);
    if (!policy && !quotas) return null;

    // The quota is only looked at here: a request it refuses must not take a rate token.
    const counter = quotas?.counter(who.appId, who.apiId, now);
    let state: QuotaState | null = null;
    if (quotas && counter) {
      state = { quota, used: usedOf(counter), ...quotas.currentPeriod };
      if (state.used >= quota) return limitOutcome(tier, { refused: 'quota', quota: state }, now);
    }
    const rate = policy ? this.gcra.take(who.subscriptionId, policy, now) : null;
    if (rate && !rate.allowed) return limitOutcome(tier, { refused: 'rate', rate, quota: state }, now);
    if (quotas && counter && state) {
      quotas.spend(counter);
      state.used = usedOf(counter);
    }
    return limitOutcome(tier, { refused: null, rate, quota: state }, now);
  }
}
