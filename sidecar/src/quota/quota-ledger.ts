import type Database from 'better-sqlite3';
import type { QuotaUsage } from '../contract/analytics';
import { type QuotaPeriod, quotaPeriodAt } from '../contract/quota-period';

/** One subscription's count in the current period: what the request path holds between checking and spending. */
export interface QuotaCount {
  appId: string;
  apiId: string;
  /** Requests this gateway admitted in the period. */
  local: number;
  /** What the rest of the fleet admitted, as of the last acknowledgement that carried the cloud's counts. */
  others: number;
}

/** Requests counted against the quota: this node's and the rest of the fleet's. */
export function usedOf(count: QuotaCount): number {
  return count.local + count.others;
}

export interface QuotaDecision {
  allowed: boolean;
  remaining: number;
}

/**
 * Monthly quota counts per subscription (application x API, so neither a key rotation nor a re-subscription resets
 * them). A request is admitted while local + others is under the quota: `local` is exact for this node, and
 * `others` (the fleet's count minus this node's, from the cloud) lags only by events other nodes have not shipped
 * yet. Counts are written to the cache file every `flushIntervalMs`, so a restart, even with the cloud unreachable,
 * keeps them; a `kill -9` forgets at most one window, and the next acknowledgement restores what the cloud has.
 */
export class QuotaLedger {
  private period: QuotaPeriod;
  private counts = new Map<string, QuotaCount>();
  private readonly dirty = new Set<QuotaCount>();
  private timer: NodeJS.Timeout | undefined;
  private readonly upsert: Database.Statement<[string, string, string, number, number]>;
  private readonly load: Database.Statement<[string], { app_id: string; api_id: string; local: number; others: number }>;
  private readonly prune: Database.Statement<[string]>;

  constructor(
    private readonly db: Database.Database,
    now: number,
    private readonly flushIntervalMs = 1_000,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS quota_counts (app_id TEXT NOT NULL, api_id TEXT NOT NULL, period TEXT NOT NULL,
               local INTEGER NOT NULL, others INTEGER NOT NULL, PRIMARY KEY (app_id, api_id, period)) WITHOUT ROWID`);
    this.upsert = db.prepare(`INSERT INTO quota_counts (app_id, api_id, period, local, others) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (app_id, api_id, period) DO UPDATE SET local = excluded.local, others = excluded.others`);
    this.load = db.prepare('SELECT app_id, api_id, local, others FROM quota_counts WHERE period = ?');
    this.prune = db.prepare('DELETE FROM quota_counts WHERE period < ?');
    this.period = quotaPeriodAt(now);
    this.loadPeriod();
  }

  /**
   * The subscription's count in the current period, rolling over first when a month ended. The request path reads
   * it once, checks `usedOf` before the rate limiter takes a token, and `spend`s it once the request is admitted.
   */
  counter(appId: string, apiId: string, now: number): QuotaCount {
    if (now >= this.period.endMs || now < this.period.startMs) this.rollOver(now);
    const k = key(appId, apiId);
    let count = this.counts.get(k);
    if (!count) {
      count = { appId, apiId, local: 0, others: 0 };
      this.counts.set(k, count);
    }
    return count;
  }

  /** The period the last `counter` call counted in. */
  get currentPeriod(): QuotaPeriod {
    return this.period;
  }

  /** Counts one admitted request. */
  spend(count: QuotaCount): void {
    count.local++;
    this.markDirty(count);
  }

  /** Admits one request against `quota` and counts it; refuses (counting nothing) once the period's quota is used. */
  take(appId: string, apiId: string, quota: number, now: number): QuotaDecision {
    const count = this.counter(appId, apiId, now);
    const used = usedOf(count);
    if (used >= quota) return { allowed: false, remaining: 0 };
    this.spend(count);
    return { allowed: true, remaining: quota - used - 1 };
  }

  /**
   * Takes the cloud's counts from an acknowledgement. Both only move up within a period: acknowledgements can
   * arrive out of order, and what the cloud holds from this node is a floor for `local` (a cache file lost to
   * corruption starts from zero).
   */
  reconcile(usage: readonly QuotaUsage[] | undefined): void {
    if (!usage) return;
    for (const u of usage) {
      if (u.period !== this.period.name) continue;
      const count = this.counter(u.appId, u.apiId, this.period.startMs);
      const others = u.used - u.usedHere;
      if (others <= count.others && u.usedHere <= count.local) continue;
      count.others = Math.max(count.others, others);
      count.local = Math.max(count.local, u.usedHere);
      this.markDirty(count);
    }
  }

  /** Every subscription's count in the period of `now`: the traffic manager raises Redis to these on reconnection. */
  countsAt(now: number): Iterable<Readonly<QuotaCount>> {
    if (now >= this.period.endMs || now < this.period.startMs) this.rollOver(now);
    return this.counts.values();
  }

  used(appId: string, apiId: string): { local: number; others: number } {
    const count = this.counts.get(key(appId, apiId));
    return { local: count?.local ?? 0, others: count?.others ?? 0 };
  }

  /** Writes every changed count in one transaction. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.dirty.size === 0) return;
    this.db.transaction(() => {
      for (const c of this.dirty) this.upsert.run(c.appId, c.apiId, this.period.name, c.local, c.others);
    })();
    this.dirty.clear();
  }

  close(): void {
    this.flush();
  }

  private markDirty(count: QuotaCount): void {
    this.dirty.add(count);
    this.timer ??= setTimeout(() => this.flush(), this.flushIntervalMs).unref();
  }

  private rollOver(now: number): void {
    this.flush();
    this.period = quotaPeriodAt(now);
    this.loadPeriod();
  }

  private loadPeriod(): void {
    this.counts = new Map();
    for (const row of this.load.iterate(this.period.name)) {
      this.counts.set(key(row.app_id, row.api_id), {
        appId: row.app_id,
        apiId: row.api_id,
        local: row.local,
        others: row.others,
      });
    }
    // Only the current period decides anything; older rows would only grow the file.
    this.prune.run(this.period.name);
  }
}

// Ids are ours and never hold a NUL, so the pair maps to one string without ambiguity.
function key(appId: string, apiId: string): string {
  return `${appId}\u0000${apiId}`;
}
