export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 250, maxMs: 30_000 };

/**
 * Exponential backoff with full jitter: a delay drawn uniformly from [0, min(max, base * 2^(failures-1))]. Jitter
 * keeps a fleet of sidecars from reconnecting in lockstep when the portal comes back.
 */
export function backoffDelayMs(failures: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  return Math.floor(random() * ceiling);
}
