import type { UsageEvent } from '@gatehouse/sidecar/contract/analytics';
import { quotaPeriodAt } from '@gatehouse/sidecar/contract/quota-period';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApplication } from '@/lib/server/apps/create-application';
import { registerGateway } from '@/lib/server/gateways/register-gateway';
import { createApiKey } from '@/lib/server/keys/create-api-key';
import { useDbForRoutes } from '@/lib/server/testing/route-harness';
import { createCatalog, createTestDb, createUser, openTraffic } from '@/lib/server/testing/test-db';
import { POST } from './route';

// Issue #13, finding 1: a staging gateway token posted forged events for a production subscription and exhausted
// its monthly quota. A gateway may report only traffic its own environment routes.
let t: Awaited<ReturnType<typeof createTestDb>>;
let prodToken: string;
let stagingToken: string;
let ids: { prodApp: string; prodKey: string; otherApp: string; otherKey: string; stagingGateway: string };

beforeAll(async () => {
  t = await createTestDb();
  useDbForRoutes(t.db);
  const db = t.db;
  await createCatalog(db, 'prod'); // env_prod routes api_prod
  await createCatalog(db, 'staging'); // env_staging routes api_staging
  await db.updateTable('tiers').set({ monthly_quota: 10 }).where('id', '=', 'tier_prod').execute();
  const alice = await createUser(db, 'alice');
  const mallory = await createUser(db, 'mallory');
  const prodApp = await createApplication(db, alice, { name: 'prod-app', description: '' });
  const otherApp = await createApplication(db, mallory, { name: 'other-app', description: '' });
  await openTraffic(db, 'env_prod', 'api_prod', prodApp.id, 'tier_prod');
  await openTraffic(db, 'env_staging', 'api_staging', otherApp.id, 'tier_staging');
  const prodKey = await createApiKey(db, alice, prodApp.id, { name: 'k', expiresAt: null });
  const otherKey = await createApiKey(db, mallory, otherApp.id, { name: 'k', expiresAt: null });
  prodToken = (await registerGateway(db, { environmentId: 'env_prod', name: 'prod-edge' })).token;
  const staging = await registerGateway(db, { environmentId: 'env_staging', name: 'staging-edge' });
  stagingToken = staging.token;
  ids = { prodApp: prodApp.id, prodKey: prodKey.id, otherApp: otherApp.id, otherKey: otherKey.id, stagingGateway: staging.id };
});
afterAll(() => t.cleanup());

let seq = 0;
const event = (over: Partial<UsageEvent>): UsageEvent => ({ eventId: `e${seq++}`, at: Date.now(), apiId: 'api_prod', appId: ids.prodApp, method: 'GET', status: 200, latencyMs: 1, bytesIn: 0, bytesOut: 0, ...over });

async function post(token: string, events: UsageEvent[]) {
  const body = JSON.stringify({ batchId: `b${seq++}`, node: 'n1', droppedTotal: 0, events });
  const res = await POST(new Request('http://portal.test/api/gateway/v1/analytics', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body }), { params: Promise.resolve({}) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const quotaUsed = async (appId: string, apiId: string) => {
  const rows = await t.db.selectFrom('quota_usage').where('app_id', '=', appId).where('api_id', '=', apiId).where('period', '=', quotaPeriodAt(Date.now()).name).select('used').execute();
  return rows.reduce((n, r) => n + Number(r.used), 0);
};
const keyLastUsed = async (keyId: string) => (await t.db.selectFrom('api_keys').where('id', '=', keyId).select('last_used_at').executeTakeFirstOrThrow()).last_used_at;

describe('a gateway reports only the traffic its environment routes', () => {
  it("a staging gateway's forged events for a production subscription are refused, counted, and touch no quota or key", async () => {
    const forged = Array.from({ length: 50 }, () => event({ keyId: ids.prodKey }));
    const res = await post(stagingToken, forged);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 0, duplicates: 0, quota: [] });
    expect(await quotaUsed(ids.prodApp, 'api_prod')).toBe(0);
    expect(await keyLastUsed(ids.prodKey)).toBeNull();
    const { n } = await t.db.selectFrom('usage_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n)).toBe(0);
    const stats = await t.db.selectFrom('gateway_usage_stats').where('gateway_id', '=', ids.stagingGateway).select(['rejected_total', 'events_total']).executeTakeFirstOrThrow();
    expect({ rejected: Number(stats.rejected_total), stored: Number(stats.events_total) }).toEqual({ rejected: 50, stored: 0 });
  });

  it('the production gateway reports the same subscription and it counts', async () => {
    const res = await post(prodToken, [event({ keyId: ids.prodKey }), event({})]);
    expect(res.body).toMatchObject({ accepted: 2, quota: [{ appId: ids.prodApp, apiId: 'api_prod', used: 2 }] });
    expect(await quotaUsed(ids.prodApp, 'api_prod')).toBe(2);
    expect(await keyLastUsed(ids.prodKey)).not.toBeNull();
  });

  it('an event naming an application not subscribed there, or a key of another application, is refused', async () => {
    const prodKeyBefore = await keyLastUsed(ids.prodKey);
    const res = await post(stagingToken, [
      event({ apiId: 'api_staging', appId: ids.prodApp }), // not subscribed to api_staging
      event({ apiId: 'api_staging', appId: ids.otherApp, keyId: ids.prodKey, at: Date.now() + 60_000 }), // someone else's key
      event({ apiId: 'api_staging', appId: ids.otherApp, keyId: ids.otherKey }), // the real thing
    ]);
    expect(res.body).toMatchObject({ accepted: 1 });
    expect(await quotaUsed(ids.prodApp, 'api_staging')).toBe(0);
    expect(await quotaUsed(ids.otherApp, 'api_staging')).toBe(1);
    expect(await keyLastUsed(ids.prodKey)).toBe(prodKeyBefore);
    expect(await keyLastUsed(ids.otherKey)).not.toBeNull();
  });

  it('an unknown gateway token is refused before the body is read', async () => {
    const res = await post('gwt_unknown', [event({})]);
    expect(res.status).toBe(401);
  });
});
