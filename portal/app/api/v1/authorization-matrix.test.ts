import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/server/actor';
import { createApplication } from '@/lib/server/apps/create-application';
import { createApiKey } from '@/lib/server/keys/create-api-key';
import { createOAuthClient } from '@/lib/server/oauth/create-oauth-client';
import { subscribe } from '@/lib/server/subscriptions/subscribe';
import { ingestUsageBatch } from '@/lib/server/usage/ingest-usage-batch';
import { createCatalog, createTestDb, createUser } from '@/lib/server/testing/test-db';
import { callRoute, listRoutes, tokenFor, useDbForRoutes } from '@/lib/server/testing/route-harness';

let t: Awaited<ReturnType<typeof createTestDb>>;
const tok: Record<'admin' | 'owner' | 'otherPublisher' | 'subscriber' | 'otherSubscriber', string> = {} as never;
let ids: Record<string, string>;
let users: Record<string, Actor>;

beforeAll(async () => {
  t = await createTestDb();
  useDbForRoutes(t.db);
  const db = t.db;
  users = {
    admin: await createUser(db, 'admin', 'admin'),
    owner: await createUser(db, 'owner', 'publisher'),
    otherPublisher: await createUser(db, 'other-publisher', 'publisher'),
    subscriber: await createUser(db, 'subscriber'),
    otherSubscriber: await createUser(db, 'other-subscriber'),
  };
  for (const [k, u] of Object.entries(users)) tok[k as keyof typeof tok] = await tokenFor(db, u);
  const cat = await createCatalog(db);
  await db.updateTable('apis').set({ owner_id: users.owner!.id, requires_approval: 1 }).where('id', '=', cat.api.id).execute();
  const app = await createApplication(db, users.subscriber!, { name: 'secret-app-name', description: '' });
  const sub = await subscribe(db, users.subscriber!, app.id, { apiId: cat.api.id, tierId: cat.tierId });
  const key = await createApiKey(db, users.subscriber!, app.id, { name: 'k', expiresAt: null });
  const oauthClient = await createOAuthClient(db, users.subscriber!, app.id, { name: 'c' });
  // One usage event of the app on the API, so the usage routes have the app's name to leak if they ever did.
  const event = { eventId: 'e1', at: Date.now(), apiId: cat.api.id, appId: app.id, method: 'GET', status: 200, latencyMs: 1, bytesIn: 0, bytesOut: 0 };
  await ingestUsageBatch(db, { id: 'gw_matrix', environment: { id: cat.env.id } }, { batchId: 'b1', node: 'n1', droppedTotal: 0, events: [event] });
  const subscriberToken = await db.selectFrom('personal_access_tokens').where('user_id', '=', users.subscriber!.id).select('id').executeTakeFirstOrThrow();
  ids = { apiId: cat.api.id, environmentId: cat.env.id, tierId: cat.tierId, appId: app.id, subscriptionId: sub.id, keyId: key.id, clientId: oauthClient.clientId, tokenId: subscriberToken.id, userId: users.subscriber!.id };
});
afterAll(() => t.cleanup());

type Who = keyof typeof tok;
interface Case {
  route: string;
  verb: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Callers that must be refused (403 or 404) and see no data. */
  denied: Who[];
}

const apiBody = { openapi: 'openapi: 3.1.0\ninfo: { title: x, version: "1" }\npaths: {}\n', context: '/x/v1', backendUrl: 'http://backend.test' };
const tier = { name: 'T', description: '', requestsPerMinute: 1, burst: 1, monthlyQuota: null };
const notOwner: Who[] = ['otherPublisher', 'subscriber', 'otherSubscriber'];
const notAppOwner: Who[] = ['otherSubscriber', 'otherPublisher', 'admin'];
const notAdmin: Who[] = ['owner', 'otherPublisher', 'subscriber'];

/** Every ID-bearing route and verb of /api/v1 (a test below checks this list against the route files on disk). */
const CASES: Case[] = [
  { route: 'apps/[appId]', verb: 'GET', denied: notAppOwner },
  { route: 'apps/[appId]', verb: 'DELETE', denied: notAppOwner },
  { route: 'apps/[appId]/keys', verb: 'GET', denied: notAppOwner },
  { route: 'apps/[appId]/keys', verb: 'POST', body: { name: 'x' }, denied: notAppOwner },
  { route: 'apps/[appId]/keys/[keyId]/revoke', verb: 'POST', denied: notAppOwner },
  { route: 'apps/[appId]/keys/[keyId]/rotate', verb: 'POST', body: { graceSeconds: 3600 }, denied: notAppOwner },
  { route: 'apps/[appId]/oauth-clients', verb: 'GET', denied: notAppOwner },
  { route: 'apps/[appId]/oauth-clients', verb: 'POST', body: { name: 'x' }, denied: notAppOwner },
  { route: 'apps/[appId]/oauth-clients/[clientId]/revoke', verb: 'POST', denied: notAppOwner },
  { route: 'apps/[appId]/subscriptions', verb: 'GET', denied: notAppOwner },
  { route: 'apps/[appId]/subscriptions', verb: 'POST', body: { apiId: 'api_1', tierId: 'tier_1' }, denied: notAppOwner },
  { route: 'apps/[appId]/subscriptions/[subscriptionId]', verb: 'PATCH', body: { tierId: 'tier_1' }, denied: notAppOwner },
  { route: 'apps/[appId]/subscriptions/[subscriptionId]', verb: 'DELETE', denied: notAppOwner },
  { route: 'apps/[appId]/usage', verb: 'GET', denied: notAppOwner },
  { route: 'publisher/apis/[apiId]', verb: 'GET', denied: notOwner },
  { route: 'publisher/apis/[apiId]/openapi', verb: 'GET', denied: notOwner },
  { route: 'publisher/apis/[apiId]', verb: 'PATCH', body: { name: 'stolen' }, denied: notOwner },
  { route: 'publisher/apis/[apiId]/versions', verb: 'POST', body: { version: 'v9', context: '/stolen/v9' }, denied: notOwner },
  { route: 'publisher/apis/[apiId]/document-diff', verb: 'POST', body: { openapi: '{}' }, denied: notOwner },
  { route: 'publisher/apis/[apiId]/status', verb: 'PUT', body: { status: 'DEPRECATED' }, denied: notOwner },
  { route: 'publisher/apis/[apiId]/tiers', verb: 'PUT', body: { tierIds: [] }, denied: notOwner },
  { route: 'publisher/apis/[apiId]/deployments/[environmentId]', verb: 'PUT', denied: notOwner },
  { route: 'publisher/apis/[apiId]/deployments/[environmentId]', verb: 'DELETE', denied: notOwner },
  { route: 'publisher/apis/[apiId]/usage', verb: 'GET', denied: notOwner },
  { route: 'publisher/subscriptions/[subscriptionId]/approve', verb: 'POST', denied: notOwner },
  { route: 'publisher/subscriptions/[subscriptionId]/reject', verb: 'POST', denied: notOwner },
  { route: 'admin/tiers/[tierId]', verb: 'PUT', body: tier, denied: notAdmin },
  { route: 'admin/tiers/[tierId]', verb: 'DELETE', denied: notAdmin },
  { route: 'admin/users/[userId]', verb: 'PATCH', body: { role: 'admin' }, denied: notAdmin },
  { route: 'account/tokens/[tokenId]', verb: 'DELETE', denied: ['admin', 'owner', 'otherSubscriber'] },
  // Not ID-bearing, but role-gated: a subscriber never reaches publisher or admin data.
  { route: 'publisher/apis', verb: 'GET', denied: ['subscriber'] },
  { route: 'publisher/apis', verb: 'POST', body: apiBody, denied: ['subscriber'] },
  { route: 'publisher/subscriptions', verb: 'GET', denied: ['subscriber'] },
  { route: 'publisher/subscriptions/pending-count', verb: 'GET', denied: ['subscriber'] },
  { route: 'publisher/openapi/validate', verb: 'POST', body: { document: '{}' }, denied: ['subscriber'] },
  { route: 'publisher/openapi/fetch', verb: 'POST', body: { url: 'http://10.0.0.1/' }, denied: ['subscriber'] },
  { route: 'admin/tiers', verb: 'GET', denied: notAdmin },
  { route: 'admin/tiers', verb: 'POST', body: tier, denied: notAdmin },
  { route: 'admin/users', verb: 'GET', denied: notAdmin },
  { route: 'admin/audit', verb: 'GET', denied: notAdmin },
  { route: 'admin/usage', verb: 'GET', denied: notAdmin },
  { route: 'admin/settings/import', verb: 'GET', denied: notAdmin },
  { route: 'admin/settings/import', verb: 'PUT', body: { allowedCidrs: ['0.0.0.0/0'] }, denied: notAdmin },
];

const PROBLEM_KEYS = new Set(['type', 'title', 'status', 'detail', 'code', 'instance', 'errors', 'reason', 'allowed', 'field']);

describe('authorization matrix of /api/v1', () => {
  for (const c of CASES) {
    for (const who of c.denied) {
      it(`${c.verb} ${c.route} refuses ${who} with 403/404 and no data`, async () => {
        const res = await callRoute(c.route, c.verb, ids, tok[who], c.body);
        expect([403, 404]).toContain(res.status);
        expect(Object.keys(res.json()).every((k) => PROBLEM_KEYS.has(k))).toBe(true);
        expect(res.text).not.toContain('secret-app-name');
        expect(res.text).not.toContain('backend.test');
      });
    }
  }

  it('nothing above changed: the API, subscription, key, token, tier and user are as they were', async () => {
    const db = t.db;
    expect(await db.selectFrom('apis').where('id', '=', ids.apiId!).select(['name', 'status']).executeTakeFirst()).toMatchObject({ name: 'API 1', status: 'PUBLISHED' });
    expect(await db.selectFrom('subscriptions').where('id', '=', ids.subscriptionId!).select('status').executeTakeFirst()).toEqual({ status: 'PENDING' });
    expect(await db.selectFrom('api_keys').where('id', '=', ids.keyId!).select('revoked_at').executeTakeFirst()).toEqual({ revoked_at: null });
    expect(await db.selectFrom('oauth_clients').where('app_id', '=', ids.appId!).select('revoked_at').execute()).toEqual([{ revoked_at: null }]);
    expect(await db.selectFrom('personal_access_tokens').where('id', '=', ids.tokenId!).select('revoked_at').executeTakeFirst()).toEqual({ revoked_at: null });
    expect(await db.selectFrom('users').where('id', '=', ids.userId!).select('role').executeTakeFirst()).toEqual({ role: 'subscriber' });
    expect(await db.selectFrom('tiers').where('id', '=', ids.tierId!).select('name').executeTakeFirst()).toEqual({ name: 'Tier 1' });
    expect(await db.selectFrom('deployments').where('api_id', '=', ids.apiId!).select('environment_id').execute()).toHaveLength(1);
  });

  it('covers every ID-bearing route and verb on disk', async () => {
    const covered = new Set(CASES.map((c) => `${c.verb} ${c.route}`));
    const missing = (await listRoutes())
      .filter((r) => r.route.includes('[') && !r.route.startsWith('[...path]') && !r.route.startsWith('admin/gateways') && !r.route.startsWith('admin/environments') && r.route !== 'apis/[apiId]' && r.route !== 'apis/[apiId]/openapi')
      .flatMap((r) => r.verbs.map((v) => `${v} ${r.route}`))
      .filter((k) => !covered.has(k));
    expect(missing).toEqual([]);
  });

  it('refuses a request with a revoked, malformed or unknown token with 401', async () => {
    for (const bad of ['gpat_' + 'A'.repeat(40), 'gpat_short']) {
      expect((await callRoute('publisher/apis', 'GET', {}, bad)).status).toBe(401);
    }
  });
});

describe('mass assignment', () => {
  const extra: [string, Case['verb'], Who, unknown][] = [
    ['publisher/apis', 'POST', 'owner', { ...apiBody, status: 'PUBLISHED' }],
    ['publisher/apis', 'POST', 'owner', { ...apiBody, ownerId: 'usr_x' }],
    ['publisher/apis/[apiId]', 'PATCH', 'owner', { status: 'RETIRED' }],
    ['publisher/apis/[apiId]', 'PATCH', 'owner', { ownerId: 'usr_x' }],
    ['publisher/apis/[apiId]/versions', 'POST', 'owner', { version: 'v2', context: '/a/v2', status: 'PUBLISHED' }],
    ['publisher/apis/[apiId]/status', 'PUT', 'owner', { status: 'DEPRECATED', ownerId: 'x' }],
    ['admin/users/[userId]', 'PATCH', 'admin', { email: 'x@example.test' }],
    ['admin/tiers', 'POST', 'admin', { ...tier, id: 'tier_chosen' }],
    ['account/tokens', 'POST', 'subscriber', { name: 'x', userId: 'usr_admin' }],
    ['apps/[appId]/subscriptions', 'POST', 'subscriber', { apiId: 'api_1', tierId: 'tier_1', status: 'ACTIVE' }],
    ['apps', 'POST', 'subscriber', { name: 'x', ownerId: 'usr_x' }],
  ];
  for (const [route, verb, who, body] of extra) {
    it(`${verb} ${route} rejects unknown fields with 400 (${Object.keys(body as object).join(', ')})`, async () => {
      const res = await callRoute(route, verb, ids, tok[who], body);
      expect(res.status).toBe(400);
      expect(res.json()).toMatchObject({ code: 'INVALID_REQUEST' });
    });
  }
});
