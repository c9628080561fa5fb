import type { TierEntity } from '../contract/sync';
import type { RateDecision } from './gcra';

export interface LimitOutcome {
  allowed: boolean;
  /** Why the gateway refused: over the rate, or the month's quota used up. */
  refused: 'rate' | 'quota' | null;
  /** `RateLimit-Policy` and `RateLimit` (draft-ietf-httpapi-ratelimit-headers), plus `Retry-After` when refused. */
  headers: Record<string, string>;
  retryAfterS: number;
}

/** The month's quota as one decision saw it: `used` includes the request when it was admitted. */
export interface QuotaState {
  quota: number;
  used: number;
  startMs: number;
  endMs: number;
}

export const WINDOW_MS = 60_000;

/** A structured-field token for the policy name: tier ids are ours, but keep the header valid whatever they hold. */
function policyName(tier: TierEntity): string {
  return tier.tierId.replace(/[^A-Za-z0-9_.-]/g, '_');
}

/** What the limits decided, before it becomes headers: a quota refusal never consulted the rate (and took nothing). */
export type LimitDecision =
  | { refused: 'quota'; quota: QuotaState }
  | { refused: 'rate'; rate: RateDecision; quota: QuotaState | null }
  | { refused: null; rate: RateDecision | null; quota: QuotaState | null };

/**
 * Turns one decision into the answer's headers. Shared by the local limiter and the traffic manager, so a client
 * sees the same headers whichever of them decided. `rate` is null when the tier has no per-minute limit; `quota` is
 * null when it has no quota.
 */
export function limitOutcome(tier: TierEntity, decision: LimitDecision, now: number): LimitOutcome {
  const name = policyName(tier);
  const { quota } = decision;
  const policies: string[] = [];
  if (tier.requestsPerMinute) policies.push(`"${name}";q=${tier.requestsPerMinute};w=${WINDOW_MS / 1000}`);
  const monthLeftS = quota ? Math.ceil((quota.endMs - now) / 1000) : 0;
  if (quota) policies.push(`"${name}-monthly";q=${quota.quota};w=${Math.round((quota.endMs - quota.startMs) / 1000)}`);
  const headers: Record<string, string> = { 'RateLimit-Policy': policies.join(', ') };

  if (decision.refused === 'quota') {
    const retryAfterS = Math.max(1, monthLeftS);
    headers.RateLimit = `"${name}-monthly";r=0;t=${retryAfterS}`;
    headers['Retry-After'] = String(retryAfterS);
    return { allowed: false, refused: 'quota', headers, retryAfterS };
  }
  if (decision.refused === 'rate') {
    const retryAfterS = Math.max(1, Math.ceil(decision.rate.retryAfterMs / 1000));
    headers.RateLimit = `"${name}";r=0;t=${Math.ceil(decision.rate.retryAfterMs / 1000)}`;
    headers['Retry-After'] = String(retryAfterS);
    return { allowed: false, refused: 'rate', headers, retryAfterS };
  }
  const states: string[] = [];
  if (decision.rate) states.push(`"${name}";r=${decision.rate.remaining};t=${Math.ceil(decision.rate.resetMs / 1000)}`);
  if (quota) states.push(`"${name}-monthly";r=${Math.max(quota.quota - quota.used, 0)};t=${monthLeftS}`);
  headers.RateLimit = states.join(', ');
  return { allowed: true, refused: null, headers, retryAfterS: 0 };
}
