import type { UsageBatch } from '@gatehouse/sidecar/contract/analytics';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { createApplication } from '../apps/create-application';
import type { Db } from '../db/client';
import { createApiKey } from '../keys/create-api-key';
import { listApiKeys } from '../keys/list-api-keys';
import { near } from '../testing/near';
import { createCatalog, createTestDb, createUser, openTraffic } from '../testing/test-db';
import { getAppUsage } from './get-app-usage';
import { ingestUsageBatch } from './ingest-usage-batch';

let t: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let alice: Actor;
const gateway = { id: 'gw_1', environment: { id: 'env_1' } };
const NOW = Date.UTC(2030, 0, 15, 12);

function batch(appId: string, statuses: number[], opts: { from?: number; keyId?: string } = {}): UsageBatch {
  const from = opts.from ?? 0;
  return {
    batchId: `b${from}`,
    node: 'n1',
    droppedTotal: 0,
    events: statuses.map((status, i) => ({
      eventId: `e:${from + i}`,
      at: NOW - 60_000 + i,
      apiId: 'api_1',
      appId,
      keyId: opts.keyId,
      method: 'GET',
      status,
      latencyMs: i + 1,
      bytesIn: 0,
      bytesOut: 100,
    })),
  };
}

beforeEach(async () => {
  t = await createTestDb();
  db = t.db;
  alice = await createUser(db, 'alice');
  await createCatalog(db);
});
afterEach(() => t.cleanup());

describe('usage ingestion', () => {
  it('stores a batch sent twice exactly once', async () => {
    const app = await createApplication(db, alice, { name: 'a', description: '' });
    await openTraffic(db, 'env_1', 'api_1', app.id);
    const b = batch(app.id, [200, 200, 500]);
    expect(await ingestUsageBatch(db, gateway, b)).toMatchObject({ accepted: 3, duplicates: 0 });
    expect(await ingestUsageBatch(db, gateway, b)).toMatchObject({ accepted: 0, duplicates: 3 });
    const { n } = await db.selectFrom('usage_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n)).toBe(3);
  });

  it('moves a key last-used time forward only', async () => {
    const app = await createApplication(db, alice, { name: 'a', description: '' });
    await openTraffic(db, 'env_1', 'api_1', app.id);
    const key = await createApiKey(db, alice, app.id, { name: 'k', expiresAt: null });
    await ingestUsageBatch(db, gateway, batch(app.id, [200, 200], { keyId: key.id }));
    const first = (await listApiKeys(db, alice, app.id))[0]?.lastUsedAt;
    expect(first).toBe(new Date(NOW - 60_000 + 1).toISOString());
    await ingestUsageBatch(db, gateway, { ...batch(app.id, [200], { keyId: key.id, from: 100 }), events: [{ ...batch(app.id, [200], { from: 100 }).events[0]!, keyId: key.id, at: NOW - 3_600_000 }] });
    expect((await listApiKeys(db, alice, app.id))[0]?.lastUsedAt).toBe(first);
  });
});

describe('usage summary', () => {
  it('counts status classes, 429s, error rate and latency percentiles for the owner only', async () => {
    const app = await createApplication(db, alice, { name: 'a', description: '' });
    await openTraffic(db, 'env_1', 'api_1', app.id);
    await ingestUsageBatch(db, gateway, batch(app.id, [200, 200, 200, 201, 404, 429, 429, 502, 200, 200]));
    const usage = await getAppUsage(db, alice, app.id, '24h', NOW);
    expect(usage.totals).toMatchObject({ requests: 10, throttled: 2, errorRate: 0.4, p50: near(5), p95: near(10) });
    const last = usage.buckets.find((b) => b.total > 0);
    expect(last).toMatchObject({ total: 10, s2xx: 6, s4xx: 3, s5xx: 1 });
    expect(usage.buckets).toHaveLength(24);
    expect(usage.apis).toEqual([{ apiId: 'api_1', name: 'API 1 v1', totals: expect.objectContaining({ requests: 10 }) }]);
    const mallory = await createUser(db, 'mallory');
    await expect(getAppUsage(db, mallory, app.id, '24h', NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
