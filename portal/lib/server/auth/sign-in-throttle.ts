/**
 * Failed sign-ins per account and per client address, with exponential back-off (issue #13: guesses were
 * unlimited). A few failures are free (typos); after that each one doubles the wait before the next attempt, up to a
 * ceiling. A success clears the account's count but not the address's: an attacker must not reset their address by
 * signing into an account of their own. State is per portal process (documented in the README's Security section).
 */
export interface ThrottlePolicy {
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A key with no failure for this long is forgotten. */
  forgetAfterMs: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = { freeFailures: 5, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 };
export const ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 20, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 };
// Bounds memory under a flood of distinct keys; the oldest entries go first (a Map iterates in insertion order).
const MAX_ENTRIES = 100_000;

interface Entry {
  failures: number;
  lastFailureAt: number;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterS: number };

export class SignInThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly policies = { account: ACCOUNT_POLICY, address: ADDRESS_POLICY },
  ) {}

  /** May this account be tried from this address now? */
  check(account: string, address: string): ThrottleVerdict {
    const wait = Math.max(this.waitMs(`a:${account.toLowerCase()}`, this.policies.account), this.waitMs(`i:${address}`, this.policies.address));
    return wait > 0 ? { allowed: false, retryAfterS: Math.ceil(wait / 1000) } : { allowed: true };
  }

  fail(account: string, address: string): void {
    this.bump(`a:${account.toLowerCase()}`);
    this.bump(`i:${address}`);
  }

  succeed(account: string): void {
    this.entries.delete(`a:${account.toLowerCase()}`);
  }

  private waitMs(key: string, policy: ThrottlePolicy): number {
    const e = this.entries.get(key);
    if (!e) return 0;
    const since = this.now() - e.lastFailureAt;
    if (since > policy.forgetAfterMs) {
      this.entries.delete(key);
      return 0;
    }
    const over = e.failures - policy.freeFailures - 1;
    if (over < 0) return 0;
    return Math.max(0, Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** over) - since);
  }

  private bump(key: string): void {
    const e = this.entries.get(key);
    this.entries.delete(key);
    this.entries.set(key, { failures: (e?.failures ?? 0) + 1, lastFailureAt: this.now() });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }
}

const KEY = Symbol.for('gatehouse.signInThrottle');
/** The process-wide throttle (one per Next.js server; module instances may be duplicated across bundles). */
export function signInThrottle(): SignInThrottle {
  const g = globalThis as { [KEY]?: SignInThrottle };
  g[KEY] ??= new SignInThrottle();
  return g[KEY];
}
