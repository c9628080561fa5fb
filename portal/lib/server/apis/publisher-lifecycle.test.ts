import fs from 'node:fs';
import path from 'node:path';
import { syncResponseSchema } from '@gatehouse/sidecar/contract/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { decideSubscription } from '../approvals/decide-subscription';
import { listAudit } from '../audit/list-audit';
import { createApplication } from '../apps/create-application';
import type { Db } from '../db/client';
import { deployApi } from '../deployments/deploy-api';
import { undeployApi } from '../deployments/undeploy-api';
import { createApiKey } from '../keys/create-api-key';
import { subscribe } from '../subscriptions/subscribe';
import { readFeed } from '../sync/read-feed';
import { createCatalog, createTestDb, createUser } from '../testing/test-db';
import { changeApiStatus } from './change-api-status';
import { createApi } from './create-api';
import { createApiVersion } from './create-api-version';

let t: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let pub: Actor;
let dev: Actor;
let admin: Actor;
let env: { id: string; name: string };
const doc = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'petstore-3.0.yaml'), 'utf8');

beforeEach(async () => {
  t = await createTestDb();
  db = t.db;
  pub = await createUser(db, 'pub', 'publisher');
  dev = await createUser(db, 'dev');
  admin = await createUser(db, 'admin', 'admin');
  env = (await createCatalog(db)).env;
});
afterEach(() => t.cleanup());

const feed = async () => syncResponseSchema.parse(await readFeed(db, env, 0, []));
const route = async (apiId: string) => (await feed()).changes.find((c) => c.kind === 'route' && c.id === apiId)?.data ?? null;

async function livePets(requiresApproval = false) {
  const api = await createApi(db, pub, { openapi: doc, context: '/pets/v2', backendUrl: 'http://backend.test/pets', tags: [], overview: '', requiresApproval });
  await changeApiStatus(db, pub, api.id, { status: 'PUBLISHED' });
  await deployApi(db, pub, api.id, env.id);
  return api;
}

describe('publisher lifecycle', () => {
  it('creates from an OpenAPI document with name and version from its info, not routed until published and deployed', async () => {
    const api = await createApi(db, pub, { openapi: doc, context: '/pets/v2', backendUrl: 'http://backend.test/pets', tags: [], overview: '', requiresApproval: false });
    expect(api).toMatchObject({ name: 'Pet Shelter', version: '2.1.0', status: 'CREATED', ownerId: pub.id });
    await deployApi(db, pub, api.id, env.id);
    expect(await route(api.id)).toBeNull();
    await changeApiStatus(db, pub, api.id, { status: 'PUBLISHED' });
    expect(await route(api.id)).toMatchObject({ context: '/pets/v2', upstreamUrl: 'http://backend.test/pets', status: 'active' });
    await undeployApi(db, pub, api.id, env.id);
    expect(await route(api.id)).toBeNull();
  });

  it('deprecated keeps its route and refuses new subscriptions; retired and blocked leave or block the route', async () => {
    const api = await livePets();
    const app = await createApplication(db, dev, { name: 'a', description: '' });
    await changeApiStatus(db, pub, api.id, { status: 'DEPRECATED' });
    expect(await route(api.id)).toMatchObject({ status: 'active' });
    await expect(subscribe(db, dev, app.id, { apiId: api.id, tierId: 'tier_1' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await changeApiStatus(db, pub, api.id, { status: 'BLOCKED' });
    expect(await route(api.id)).toMatchObject({ status: 'blocked' });
    await changeApiStatus(db, pub, api.id, { status: 'RETIRED' });
    expect(await route(api.id)).toBeNull();
    await expect(changeApiStatus(db, pub, api.id, { status: 'PUBLISHED' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses a context path another version uses, and starts a new version from an existing one', async () => {
    const api = await livePets();
    await expect(createApi(db, pub, { openapi: doc, context: '/pets/v2', backendUrl: 'http://b.test', tags: [], overview: '', requiresApproval: false })).rejects.toMatchObject({ code: 'CONFLICT' });
    const v3 = await createApiVersion(db, pub, api.id, { version: '3.0.0', context: '/pets/v3' });
    expect(v3).toMatchObject({ name: 'Pet Shelter', version: '3.0.0', status: 'CREATED', lineageId: api.id, backendUrl: 'http://backend.test/pets' });
    await expect(createApiVersion(db, pub, api.id, { version: '3.0.0', context: '/pets/v3b' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('a version started from a new document takes that document and, when given, its own backend', async () => {
    const api = await livePets();
    const next = JSON.stringify({ openapi: '3.1.0', info: { title: 'Pet Shelter', version: '4' }, paths: { '/adoptions': { get: { responses: { '200': { description: 'OK' } } } } } });
    const v4 = await createApiVersion(db, pub, api.id, { version: '4.0.0', context: '/pets/v4', openapi: next, backendUrl: 'http://backend.test/pets-v4' });
    expect(v4).toMatchObject({ version: '4.0.0', backendUrl: 'http://backend.test/pets-v4' });
    const stored = await db.selectFrom('apis').where('id', '=', v4.id).select('openapi').executeTakeFirstOrThrow();
    expect(Object.keys(JSON.parse(stored.openapi).paths)).toEqual(['/adoptions']);
  });

  it('keeps a pending subscription off the gateways until its publisher approves it', async () => {
    const api = await livePets(true);
    const app = await createApplication(db, dev, { name: 'a', description: '' });
    const sub = await subscribe(db, dev, app.id, { apiId: api.id, tierId: 'tier_1' });
    await createApiKey(db, dev, app.id, { name: 'k', expiresAt: null });
    expect(sub.status).toBe('PENDING');
    const keys = async () => (await feed()).changes.filter((c) => c.kind === 'key');
    expect(await keys()).toEqual([]);
    const other = await createUser(db, 'other', 'publisher');
    await expect(decideSubscription(db, other, sub.id, 'approve')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await decideSubscription(db, pub, sub.id, 'approve');
    expect(await keys()).toHaveLength(1);
  });

  it('records who changed what and when in the audit log', async () => {
    const api = await livePets();
    const events = await listAudit(db, admin, { limit: 10 });
    expect(events.map((e) => e.action)).toEqual(['api.deploy', 'api.status', 'api.create']);
    expect(events[1]).toMatchObject({ actor: { email: pub.email }, target: { type: 'api', id: api.id }, detail: { from: 'CREATED', to: 'PUBLISHED' } });
    await expect(listAudit(db, pub, { limit: 10 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
