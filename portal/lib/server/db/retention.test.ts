import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/test-db';
import { purgeExpired, usageRetentionMs } from './retention';

let t: Awaited<ReturnType<typeof createTestDb>>;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.cleanup());

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 15);
const event = (id: string, at: number) => ({
  gateway_id: 'gw_1', event_id: id, environment_id: 'env_1', api_id: 'api_1', app_id: 'app_1', key_id: null,
  method: 'GET', status: 200, latency_ms: 1.5, bytes_in: 0, bytes_out: 0, at, refused: null,
});

describe('usage retention', () => {
  it('keeps 35 days of raw usage events and deletes what is older, leaving the hourly rollups alone', async () => {
    const ages = [90, 40, 36, 35.01, 34.99, 1, 0];
    await t.db.insertInto('usage_events').values(ages.map((d, i) => event(`e${i}`, NOW - d * DAY))).execute();
    await t.db
      .insertInto('usage_hourly')
      .values({ hour: NOW - 90 * DAY, gateway_id: 'gw_1', environment_id: 'env_1', api_id: 'api_1', app_id: 'app_1', requests: 1, s2xx: 1, s3xx: 0, s4xx: 0, s5xx: 0, throttled: 0, latency_hist: '{}' })
      .execute();

    expect(await purgeExpired(t.db, NOW)).toMatchObject({ usageEvents: 4 });
    const left = await t.db.selectFrom('usage_events').select('event_id').orderBy('event_id').execute();
    expect(left.map((r) => r.event_id)).toEqual(['e4', 'e5', 'e6']);
    expect(await t.db.selectFrom('usage_hourly').select('requests').execute()).toEqual([{ requests: 1 }]);
    // Idempotent: a second replica running the same job right after deletes nothing more.
    expect(await purgeExpired(t.db, NOW)).toEqual({ usageEvents: 0, signInFailures: 0 });
  });

  it('forgets sign-in failure counts a day after the last failure', async () => {
    await t.db.insertInto('sign_in_failures').values([
      { key: 'a:old@example.test', failures: 9, last_failure_at: NOW - DAY - 1 },
      { key: 'a:new@example.test', failures: 9, last_failure_at: NOW - 60_000 },
    ]).execute();
    expect(await purgeExpired(t.db, NOW)).toEqual({ usageEvents: 0, signInFailures: 1 });
    expect(await t.db.selectFrom('sign_in_failures').select('key').execute()).toEqual([{ key: 'a:new@example.test' }]);
  });

  it('takes the retention from GATEHOUSE_USAGE_RETENTION_DAYS and refuses nonsense', () => {
    expect(usageRetentionMs({})).toBe(35 * DAY);
    expect(usageRetentionMs({ GATEHOUSE_USAGE_RETENTION_DAYS: '90' })).toBe(90 * DAY);
    expect(() => usageRetentionMs({ GATEHOUSE_USAGE_RETENTION_DAYS: 'forever' })).toThrow(/at least 1/);
  });
});
