import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TierEntity } from '../contract/sync';
import { TierLimiter } from '../ratelimit/tier-limiter';
import { tempDir } from '../test-support/harness';
import { QuotaLedger } from './quota-ledger';
import { quotaPeriodAt } from '../contract/quota-period';

const NOV_30 = Date.UTC(2026, 10, 30, 23, 59, 0);
const DEC_1 = Date.UTC(2026, 11, 1, 0, 0, 1);

let dir: ReturnType<typeof tempDir>;
let db: Database.Database;
beforeEach(() => {
  dir = tempDir();
  db = new Database(`${dir.path}/cache.db`);
});
afterEach(() => {
  db.close();
  dir.remove();
});

describe('quota period', () => {
  it('is the calendar month in UTC', () => {
    expect(quotaPeriodAt(NOV_30)).toEqual({
      name: '2026-11',
      startMs: Date.UTC(2026, 10, 1),
      endMs: Date.UTC(2026, 11, 1),
    });
    expect(quotaPeriodAt(Date.UTC(2026, 11, 31, 23, 59)).endMs).toBe(Date.UTC(2027, 0, 1));
  });
});

describe('quota ledger', () => {
  it('admits up to the quota per application x API and refuses after, counting nothing refused', () => {
    const ledger = new QuotaLedger(db, NOV_30);
    const results = Array.from({ length: 5 }, () => ledger.take('app_1', 'api_pets', 3, NOV_30).allowed);
    expect(results).toEqual([true, true, true, false, false]);
    expect(ledger.used('app_1', 'api_pets')).toEqual({ local: 3, others: 0 });
    expect(ledger.take('app_1', 'api_other', 3, NOV_30).allowed).toBe(true);
    expect(ledger.take('app_2', 'api_pets', 3, NOV_30).allowed).toBe(true);
  });

  it('keeps its counts across a restart (the file, not the cloud)', () => {
    const first = new QuotaLedger(db, NOV_30);
    for (let i = 0; i < 3; i++) first.take('app_1', 'api_pets', 3, NOV_30);
    first.close();
    const reopened = new QuotaLedger(db, NOV_30);
    expect(reopened.used('app_1', 'api_pets')).toEqual({ local: 3, others: 0 });
    expect(reopened.take('app_1', 'api_pets', 3, NOV_30).allowed).toBe(false);
  });

  it("adds what the rest of the fleet used, from the cloud's counts, to its own", () => {
    const ledger = new QuotaLedger(db, NOV_30);
    ledger.take('app_1', 'api_pets', 10, NOV_30);
    ledger.reconcile([
      {
        appId: 'app_1',
        apiId: 'api_pets',
        period: '2026-11',
        used: 8,
        usedHere: 1,
      },
      {
        appId: 'app_2',
        apiId: 'api_pets',
        period: '2026-10',
        used: 50,
        usedHere: 0,
      },
    ]);
    expect(ledger.used('app_1', 'api_pets')).toEqual({ local: 1, others: 7 });
    expect(ledger.take('app_1', 'api_pets', 10, NOV_30)).toEqual({
      allowed: true,
      remaining: 1,
    });
    expect(ledger.take('app_1', 'api_pets', 10, NOV_30)).toEqual({
      allowed: true,
      remaining: 0,
    });
    expect(ledger.take('app_1', 'api_pets', 10, NOV_30).allowed).toBe(false);
    // An older acknowledgement arriving late moves nothing back.
    ledger.reconcile([
      {
        appId: 'app_1',
        apiId: 'api_pets',
        period: '2026-11',
        used: 3,
        usedHere: 1,
      },
    ]);
    expect(ledger.used('app_1', 'api_pets')).toEqual({ local: 3, others: 7 });
    expect(ledger.take('app_2', 'api_pets', 10, NOV_30).allowed).toBe(true);
    ledger.close();
    expect(new QuotaLedger(db, NOV_30).used('app_1', 'api_pets')).toEqual({
      local: 3,
      others: 7,
    });
  });

  it("restores its own count from the cloud's when the cache file lost it", () => {
    const ledger = new QuotaLedger(db, NOV_30);
    ledger.reconcile([
      {
        appId: 'app_1',
        apiId: 'api_pets',
        period: '2026-11',
        used: 5,
        usedHere: 5,
      },
    ]);
    expect(ledger.used('app_1', 'api_pets')).toEqual({ local: 5, others: 0 });
    expect(ledger.take('app_1', 'api_pets', 5, NOV_30).allowed).toBe(false);
  });

  it('starts from zero when the month turns, and forgets the old month on disk', () => {
    const ledger = new QuotaLedger(db, NOV_30);
    for (let i = 0; i < 3; i++) ledger.take('app_1', 'api_pets', 3, NOV_30);
    expect(ledger.take('app_1', 'api_pets', 3, NOV_30).allowed).toBe(false);
    expect(ledger.take('app_1', 'api_pets', 3, DEC_1).allowed).toBe(true);
    ledger.close();
    expect(db.prepare('SELECT period, local FROM quota_counts').all()).toEqual([{ period: '2026-12', local: 1 }]);
  });
});

describe('tier limiter with a monthly quota', () => {
  const tier = (requestsPerMinute: number | null, monthlyQuota: number): TierEntity => ({
    tierId: 'tier_bronze',
    name: 'Bronze',
    requestsPerMinute,
    burst: null,
    monthlyQuota,
  });
  const who = { subscriptionId: 'sub_1', appId: 'app_1', apiId: 'api_pets' };

  it('advertises both policies and refuses with the time left in the month once the quota is used', () => {
    const limiter = new TierLimiter(new QuotaLedger(db, NOV_30));
    const first = limiter.check(who, tier(60, 2), NOV_30);
    expect(first?.headers).toEqual({
      'RateLimit-Policy': '"tier_bronze";q=60;w=60, "tier_bronze-monthly";q=2;w=2592000',
      RateLimit: '"tier_bronze";r=59;t=1, "tier_bronze-monthly";r=1;t=60',
    });
    expect(limiter.check(who, tier(60, 2), NOV_30)?.allowed).toBe(true);
    const refused = limiter.check(who, tier(60, 2), NOV_30);
    expect(refused).toMatchObject({
      allowed: false,
      refused: 'quota',
      retryAfterS: 60,
    });
    expect(refused?.headers).toMatchObject({
      'Retry-After': '60',
      RateLimit: '"tier_bronze-monthly";r=0;t=60',
    });
  });

  it('counts no quota for a request the rate limit refused, and takes no rate token for one the quota refused', () => {
    const ledger = new QuotaLedger(db, NOV_30);
    const limiter = new TierLimiter(ledger);
    const t0 = NOV_30 - 3_600_000;
    expect(limiter.check(who, tier(1, 2), t0)?.allowed).toBe(true);
    expect(limiter.check(who, tier(1, 2), t0)?.refused).toBe('rate');
    expect(ledger.used('app_1', 'api_pets').local).toBe(1);
    expect(limiter.check(who, tier(1, 2), t0 + 60_000)?.allowed).toBe(true);
    expect(limiter.check(who, tier(1, 2), t0 + 120_000)?.refused).toBe('quota');
    // Had the refused request taken the minute's token, a raised quota would now meet the rate limit instead.
    expect(limiter.check(who, tier(1, 3), t0 + 120_000)?.allowed).toBe(true);
  });

  it('limits a tier that has a quota but no rate', () => {
    const limiter = new TierLimiter(new QuotaLedger(db, NOV_30));
    expect(limiter.check(who, tier(null, 1), NOV_30)?.headers['RateLimit-Policy']).toBe('"tier_bronze-monthly";q=1;w=2592000');
    expect(limiter.check(who, tier(null, 1), NOV_30)?.refused).toBe('quota');
  });
});
