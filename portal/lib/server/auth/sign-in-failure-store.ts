import { sql } from 'kysely';
import type { Db } from '../db/client';

export interface FailureEntry {
  failures: number;
  lastFailureAt: number;
}

/** Where the sign-in throttle keeps its failure counts: this process's memory, or the database replicas share. */
export interface FailureStore {
  get(key: string): Promise<FailureEntry | undefined>;
  /** One more failure at `now`; a count whose last failure is older than `forgetAfterMs` starts again at 1. */
  bump(key: string, now: number, forgetAfterMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}

// Bounds memory under a flood of distinct keys; the oldest entries go first (a Map iterates in insertion order).
const MAX_ENTRIES = 100_000;

export class MemoryFailureStore implements FailureStore {
  private readonly entries = new Map<string, FailureEntry>();

  async get(key: string) {
    return this.entries.get(key);
  }

  async bump(key: string, now: number, forgetAfterMs: number) {
    const e = this.entries.get(key);
    this.entries.delete(key);
    const failures = e && now - e.lastFailureAt <= forgetAfterMs ? e.failures + 1 : 1;
    this.entries.set(key, { failures, lastFailureAt: now });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }

  async delete(key: string) {
    this.entries.delete(key);
  }
}

/**
 * Counts in `sign_in_failures`, shared by every replica: a guesser spreading attempts over replicas meets one
 * count. The increment is one upsert, atomic on both engines, so concurrent failures on different replicas all
 * count. Rows past the forget window are deleted by the retention job (usage/retention.ts).
 */
export class DbFailureStore implements FailureStore {
  constructor(private readonly db: () => Promise<Db>) {}

  async get(key: string) {
    const row = await (await this.db()).selectFrom('sign_in_failures').where('key', '=', key).select(['failures', 'last_failure_at']).executeTakeFirst();
    return row ? { failures: Number(row.failures), lastFailureAt: Number(row.last_failure_at) } : undefined;
  }

  async bump(key: string, now: number, forgetAfterMs: number) {
    await (await this.db())
      .insertInto('sign_in_failures')
      .values({ key, failures: 1, last_failure_at: now })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures: sql`case when sign_in_failures.last_failure_at < ${now - forgetAfterMs} then 1 else sign_in_failures.failures + 1 end`,
          last_failure_at: now,
        }),
      )
      .execute();
  }

  async delete(key: string) {
    await (await this.db()).deleteFrom('sign_in_failures').where('key', '=', key).execute();
  }
}
