import type { UsageBatch } from '@gatehouse/sidecar/contract/analytics';
import { Migrator } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { migrations } from '../db/migrations';
import { near } from '../testing/near';
import { createCatalog, createTestDb, createUser, openTraffic } from '../testing/test-db';
import { ingestUsageBatch } from './ingest-usage-batch';
import { histogramPercentile } from './latency-histogram';
import { HOUR_MS } from './usage-rollup';

let t: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
const gateway = { id: 'gw_1', environment: { id: 'env_1' } };
const HOUR = Date.UTC(2030, 0, 15, 12);

// Events for one app and API: [status, latencyMs, msIntoTheHour].
function batch(id: string, calls: [number, number, number][]): UsageBatch {
  const events = calls.map(([status, latencyMs, offset], i) => ({ eventId: `${id}:${i}`, at: HOUR + offset, apiId: 'api_1', appId: 'app_1', method: 'GET', status, latencyMs, bytesIn: 0, bytesOut: 0 }));
  return { batchId: id, node: 'n1', droppedTotal: 0, events };
}

const hourly = () => db.selectFrom('usage_hourly').selectAll().orderBy('hour').execute();

beforeEach(async () => {
  t = await createTestDb();
  db = t.db;
  // The ingest stores only traffic the gateway's environment routes: app_1 subscribed to api_1, deployed to env_1.
  await createCatalog(db);
  const owner = await createUser(db, 'owner');
  await db.insertInto('applications').values({ id: 'app_1', owner_id: owner.id, name: 'a', description: '', created_at: new Date(0).toISOString() }).execute();
  await openTraffic(db, 'env_1', 'api_1', 'app_1');
});
afterEach(() => t.cleanup());

describe('hourly usage rollup', () => {
  it('adds each stored event once per hour, gateway, API and application, and nothing for a batch sent again', async () => {
    const first = batch('b1', [[200, 10, 0], [404, 20, 1], [429, 0.05, 2], [200, 30, HOUR_MS + 5]]);
    await ingestUsageBatch(db, gateway, first);
    await ingestUsageBatch(db, gateway, first);
    await ingestUsageBatch(db, gateway, batch('b2', [[503, 40, 10]]));
    const rows = await hourly();
    expect(rows.map(({ latency_hist: _, ...r }) => r)).toEqual([
      { hour: HOUR, gateway_id: 'gw_1', environment_id: 'env_1', api_id: 'api_1', app_id: 'app_1', requests: 4, s2xx: 1, s3xx: 0, s4xx: 2, s5xx: 1, throttled: 1 },
      { hour: HOUR + HOUR_MS, gateway_id: 'gw_1', environment_id: 'env_1', api_id: 'api_1', app_id: 'app_1', requests: 1, s2xx: 1, s3xx: 0, s4xx: 0, s5xx: 0, throttled: 0 },
    ]);
    const counts = Object.values(JSON.parse(rows[0]?.latency_hist ?? '{}') as Record<string, number>);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('is built for events stored before it existed, when the migration runs', async () => {
    const old = await createTestDb();
    try {
      const migrator = new Migrator({ db: old.db, provider: { getMigrations: async () => migrations } });
      await migrator.migrateTo('0006-monthly-quota');
      const values = [10, 20, 30].map((latency, i) => ({
        gateway_id: 'gw_1', event_id: `e${i}`, environment_id: 'env_1', api_id: 'api_1', app_id: 'app_1', key_id: null,
        method: 'GET', status: i === 2 ? 500 : 200, latency_ms: latency, bytes_in: 0, bytes_out: 0, at: HOUR + i, refused: null,
      }));
      await old.db.insertInto('usage_events').values(values).execute();
      await migrator.migrateToLatest();
      const [row] = await old.db.selectFrom('usage_hourly').selectAll().execute();
      expect(row).toMatchObject({ hour: HOUR, requests: 3, s2xx: 2, s5xx: 1 });
      expect(histogramPercentile(JSON.parse(row?.latency_hist ?? '{}'), 50)).toEqual(near(20));
    } finally {
      await old.cleanup();
    }
  });
});
