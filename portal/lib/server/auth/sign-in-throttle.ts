import { getDb } from '../db/client';
import { isPostgresUrl } from '../db/postgres';
import { DbFailureStore, type FailureStore, MemoryFailureStore } from './sign-in-failure-store';

/**
 * Failed sign-ins per account and per client address, with exponential back-off (issue #13: guesses were
 * unlimited). A few failures are free (typos); after that each one doubles the wait before the next attempt, up to a
 * ceiling. A success clears the account's count but not the address's: an attacker must not reset their address by
 * signing into an account of their own. The counts live in a FailureStore: this process's memory on the embedded
 * SQLite portal, the shared database when replicas run on PostgreSQL (sign-in-failure-store.ts).
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
export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterS: number };

export class SignInThrottle {
  constructor(
    private readonly now: () => number = Date.now,
    private readonly policies = { account: ACCOUNT_POLICY, address: ADDRESS_POLICY },
    private readonly store: FailureStore = new MemoryFailureStore(),
  ) {}

  /** May this account be tried from this address now? */
  async check(account: string, address: string): Promise<ThrottleVerdict> {
    const [a, i] = await Promise.all([this.waitMs(`a:${account.toLowerCase()}`, this.policies.account), this.waitMs(`i:${address}`, this.policies.address)]);
    const wait = Math.max(a, i);
    return wait > 0 ? { allowed: false, retryAfterS: Math.ceil(wait / 1000) } : { allowed: true };
  }

  async fail(account: string, address: string): Promise<void> {
    const now = this.now();
    await this.store.bump(`a:${account.toLowerCase()}`, now, this.policies.account.forgetAfterMs);
    await this.store.bump(`i:${address}`, now, this.policies.address.forgetAfterMs);
  }

  async succeed(account: string): Promise<void> {
    await this.store.delete(`a:${account.toLowerCase()}`);
  }

  private async waitMs(key: string, policy: ThrottlePolicy): Promise<number> {
    const e = await this.store.get(key);
    if (!e) return 0;
    const since = this.now() - e.lastFailureAt;
    if (since > policy.forgetAfterMs) return 0;
    const over = e.failures - policy.freeFailures - 1;
    if (over < 0) return 0;
    return Math.max(0, Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** over) - since);
  }
}

const KEY = Symbol.for('gatehouse.signInThrottle');
/**
 * The process-wide throttle (one per Next.js server; module instances may be duplicated across bundles), keeping
 * its counts in the database when replicas share one (DATABASE_URL), else in memory.
 */
export function signInThrottle(): SignInThrottle {
  const g = globalThis as { [KEY]?: SignInThrottle };
  g[KEY] ??= new SignInThrottle(Date.now, undefined, isPostgresUrl(process.env.DATABASE_URL) ? new DbFailureStore(getDb) : new MemoryFailureStore());
  return g[KEY];
}
