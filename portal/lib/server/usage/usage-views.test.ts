import type { UsageBatch } from '@gatehouse/sidecar/contract/analytics';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GET as getFleetUsageRoute } from '@/app/api/v1/admin/usage/route';
import type { Actor } from '../actor';
import { createApplication } from '../apps/create-application';
import type { Db } from '../db/client';
import { registerGateway } from '../gateways/register-gateway';
import { near } from '../testing/near';
import { createCatalog, createTestDb, createUser, openTraffic } from '../testing/test-db';
import { tokenFor, useDbForRoutes } from '../testing/route-harness';
import { getApiUsage } from './get-api-usage';
import { getFleetUsage } from './get-fleet-usage';
import { ingestUsageBatch } from './ingest-usage-batch';

const NOW = Date.UTC(2030, 0, 15, 12);
let t: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let users: Record<'admin' | 'owner' | 'otherPublisher' | 'alice' | 'bob', Actor>;
let ids: Record<'appA' | 'appB' | 'gw1' | 'gw2' | 'idle', string>;
let eventSeq = 0;

/** Calls as one gateway reports them: [apiId, appId, status, latencyMs, agoMs]. */
type Call = [string, string, number, number, number?];
async function report(gatewayId: string, environmentId: string, calls: Call[], droppedTotal = 0) {
  const events = calls.map(([apiId, appId, status, latencyMs, agoMs = 60_000]) => ({ eventId: `e${eventSeq++}`, at: NOW - agoMs, apiId, appId, method: 'GET', status, latencyMs, bytesIn: 0, bytesOut: 10 }));
  const batch: UsageBatch = { batchId: `b${eventSeq}`, node: 'n1', droppedTotal, events };
  await ingestUsageBatch(db, { id: gatewayId, environment: { id: environmentId } }, batch);
}

beforeEach(async () => {
  t = await createTestDb();
  db = t.db;
  users = {
    admin: await createUser(db, 'admin', 'admin'),
    owner: await createUser(db, 'owner', 'publisher'),
    otherPublisher: await createUser(db, 'other-publisher', 'publisher'),
    alice: await createUser(db, 'alice'),
    bob: await createUser(db, 'bob'),
  };
  await createCatalog(db, '1');
  await createCatalog(db, '2');
  await db.updateTable('apis').set({ owner_id: users.owner.id }).where('id', '=', 'api_1').execute();
  ids = {
    appA: (await createApplication(db, users.alice, { name: 'app-a', description: '' })).id,
    appB: (await createApplication(db, users.bob, { name: 'app-b', description: '' })).id,
    gw1: (await registerGateway(db, { environmentId: 'env_1', name: 'edge-1' })).id,
    gw2: (await registerGateway(db, { environmentId: 'env_2', name: 'edge-2' })).id,
    idle: (await registerGateway(db, { environmentId: 'env_2', name: 'edge-idle' })).id,
  };
  const { appA, appB } = ids;
  await openTraffic(db, 'env_1', 'api_1', appA);
  await openTraffic(db, 'env_2', 'api_1', appB);
  await openTraffic(db, 'env_2', 'api_2', appA, 'tier_2');
  // api_1: five calls of app A through env 1 (one of them two days old), two of app B through env 2; api_2: one.
  await report(ids.gw1, 'env_1', [['api_1', appA, 200, 10], ['api_1', appA, 200, 20], ['api_1', appA, 200, 30], ['api_1', appA, 404, 40], ['api_1', appA, 429, 50], ['api_1', appA, 200, 1, 2 * 86_400_000]], 3);
  await report(ids.gw2, 'env_2', [['api_1', appB, 200, 5], ['api_1', appB, 500, 100], ['api_2', appA, 200, 7]]);
});
afterEach(() => t.cleanup());

describe("an API's usage", () => {
  it('counts only that API, with its top applications and environments, for its publisher', async () => {
    const usage = await getApiUsage(db, users.owner, 'api_1', '24h', NOW);
    // Latencies 5 10 20 30 40 50 100: p50 is the 4th, p95 the 7th; errors are the 404, the 429 and the 500.
    expect(usage.totals).toEqual({ requests: 7, errorRate: 3 / 7, throttled: 1, p50: near(30), p95: near(100) });
    expect(usage.buckets).toHaveLength(24);
    expect(usage.buckets.reduce((n, b) => n + b.total, 0)).toBe(7);
    // Quota counts are this month's, whatever the range: app A's six events (none marked refused by a gateway).
    expect(usage.apps).toEqual([
      { id: ids.appA, name: 'app-a', totals: { requests: 5, errorRate: 0.4, throttled: 1, p50: near(30), p95: near(50) }, quota: { period: '2030-01', used: 6, limit: null } },
      { id: ids.appB, name: 'app-b', totals: { requests: 2, errorRate: 0.5, throttled: 0, p50: near(5), p95: near(100) }, quota: { period: '2030-01', used: 2, limit: null } },
    ]);
    expect(usage.appCount).toBe(2);
    expect(usage.environments.map((e) => [e.name, e.totals.requests])).toEqual([['env-1', 5], ['env-2', 2]]);
  });

  it("shows each application's quota use against the limit of the tier it subscribed on", async () => {
    await db.updateTable('tiers').set({ monthly_quota: 100 }).where('id', '=', 'tier_1').execute();
    const usage = await getApiUsage(db, users.owner, 'api_1', '24h', NOW);
    expect(usage.apps[0]?.quota).toEqual({ period: '2030-01', used: 6, limit: 100 });
  });

  it('takes in older events over a longer range', async () => {
    const usage = await getApiUsage(db, users.owner, 'api_1', '7d', NOW);
    expect(usage.totals.requests).toBe(8);
    expect(usage.apps[0]).toMatchObject({ name: 'app-a', totals: { requests: 6 } });
  });

  it('is open to admins, not found for another publisher and forbidden to subscribers', async () => {
    expect((await getApiUsage(db, users.admin, 'api_1', '24h', NOW)).totals.requests).toBe(7);
    await expect(getApiUsage(db, users.otherPublisher, 'api_1', '24h', NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getApiUsage(db, users.alice, 'api_1', '24h', NOW)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the fleet usage overview', () => {
  it('totals every API, per environment and per gateway, with each gateway’s reported drops', async () => {
    const usage = await getFleetUsage(db, users.admin, '24h', NOW);
    expect(usage.totals).toMatchObject({ requests: 8, throttled: 1, errorRate: 3 / 8 });
    expect(usage.environments.map((e) => [e.name, e.totals.requests])).toEqual([['env-1', 5], ['env-2', 3]]);
    expect(usage.gateways.map((g) => [g.name, g.environment.name, g.totals.requests, g.droppedTotal])).toEqual([
      ['edge-1', 'env-1', 5, 3],
      ['edge-2', 'env-2', 3, 0],
      ['edge-idle', 'env-2', 0, null],
    ]);
    expect(usage.gateways[0]?.totals).toEqual({ requests: 5, errorRate: 0.4, throttled: 1, p50: near(30), p95: near(50) });
  });

  it('is for admins only', async () => {
    for (const who of [users.owner, users.alice]) await expect(getFleetUsage(db, who, '24h', NOW)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('answers an unknown range with a 400 problem', async () => {
    useDbForRoutes(db);
    const headers = { authorization: `Bearer ${await tokenFor(db, users.admin)}` };
    const res = await getFleetUsageRoute(new Request('http://portal.test/api/v1/admin/usage?range=1y', { headers }), { params: Promise.resolve({}) });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ code: 'INVALID_REQUEST' });
  });
});
