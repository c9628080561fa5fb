import { hashApiKey } from '@gatehouse/sidecar/contract/key-format';
import { syncResponseSchema } from '@gatehouse/sidecar/contract/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { createApplication } from '../apps/create-application';
import { deleteApplication } from '../apps/delete-application';
import type { Db } from '../db/client';
import { deployApi } from '../deployments/deploy-api';
import { createApiKey } from '../keys/create-api-key';
import { revokeApiKey } from '../keys/revoke-api-key';
import { subscribe } from '../subscriptions/subscribe';
import { unsubscribe } from '../subscriptions/unsubscribe';
import { createCatalog, createTestDb, createUser } from '../testing/test-db';
import { readFeed } from './read-feed';

let t: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let alice: Actor;
let cat: Awaited<ReturnType<typeof createCatalog>>;
const feed = async (since = 0, env = cat.env) => syncResponseSchema.parse(await readFeed(db, env, since, ['http://portal.test']));
const keyHashes = (f: Awaited<ReturnType<typeof feed>>) => f.changes.filter((c) => c.kind === 'key' && c.data).map((c) => c.id);

beforeEach(async () => {
  t = await createTestDb();
  db = t.db;
  alice = await createUser(db, 'alice');
  cat = await createCatalog(db);
});
afterEach(() => t.cleanup());

async function subscribedKey() {
  const app = await createApplication(db, alice, { name: 'app', description: '' });
  await subscribe(db, alice, app.id, { apiId: cat.api.id, tierId: cat.tierId });
  const key = await createApiKey(db, alice, app.id, { name: 'k', expiresAt: null });
  return { app, key };
}

describe('sync feed', () => {
  it('gives a new sidecar a schema-valid snapshot of the routes and tiers of its environment', async () => {
    const f = await feed(0);
    expect(f.mode).toBe('snapshot');
    expect(f.changes.map((c) => c.kind).sort()).toEqual(['route', 'tier']);
    expect(f.settings.corsOrigins).toEqual(['http://portal.test']);
  });

  it('syncs a key only as its hash, and only once its application subscribes', async () => {
    const app = await createApplication(db, alice, { name: 'app', description: '' });
    const key = await createApiKey(db, alice, app.id, { name: 'k', expiresAt: null });
    expect(keyHashes(await feed())).toEqual([]);
    await subscribe(db, alice, app.id, { apiId: cat.api.id, tierId: cat.tierId });
    const f = await feed();
    expect(keyHashes(f)).toEqual([hashApiKey(key.key)]);
    expect(JSON.stringify(f)).not.toContain(key.key);
  });

  it('tells a connected sidecar about a revocation as a delta deleting the key hash', async () => {
    const { app, key } = await subscribedKey();
    const before = await feed();
    await revokeApiKey(db, alice, app.id, key.id);
    const delta = await feed(before.revision);
    expect(delta.mode).toBe('delta');
    expect(delta.revision).toBe(before.revision + 1);
    expect(delta.changes).toEqual([{ kind: 'key', id: hashApiKey(key.key), data: null }]);
  });

  it('answers a delta with no changes when nothing moved since the revision', async () => {
    await subscribedKey();
    const f = await feed();
    const again = await feed(f.revision);
    expect(again).toMatchObject({ mode: 'delta', revision: f.revision, changes: [] });
  });

  it('withdraws keys and subscription when the application unsubscribes or is deleted', async () => {
    const { app } = await subscribedKey();
    const subs = await db.selectFrom('subscriptions').select('id').execute();
    const r0 = (await feed()).revision;
    await unsubscribe(db, alice, app.id, subs[0]!.id);
    const delta = await feed(r0);
    expect(delta.changes.every((c) => c.data === null)).toBe(true);
    expect(delta.changes.map((c) => c.kind).sort()).toEqual(['key', 'subscription']);
    await deleteApplication(db, alice, app.id);
    expect(keyHashes(await feed())).toEqual([]);
  });

  it('scopes key hashes to environments where the application subscribes to a deployed API', async () => {
    const other = await createCatalog(db, '2');
    await subscribedKey();
    const mine = await feed(0, cat.env);
    const theirs = await feed(0, other.env);
    expect(keyHashes(mine)).toHaveLength(1);
    expect(keyHashes(theirs)).toEqual([]);
    expect(theirs.changes.filter((c) => c.kind === 'route').map((c) => c.id)).toEqual([other.api.id]);
  });

  it('routes each environment to its own backend URL when the deployment sets one, else to the API backend', async () => {
    const admin = await createUser(db, 'root', 'admin');
    const other = await createCatalog(db, '2');
    const upstream = async (env: typeof cat.env, since = 0) =>
      (await feed(since, env)).changes.filter((c) => c.kind === 'route' && c.id === cat.api.id).map((c) => (c.data as { upstreamUrl: string } | null)?.upstreamUrl ?? null);
    await deployApi(db, admin, cat.api.id, other.env.id, { backendUrl: 'http://staging-backend.test/base' });
    expect(await upstream(cat.env)).toEqual(['http://backend.test/base']);
    expect(await upstream(other.env)).toEqual(['http://staging-backend.test/base']);

    const r0 = (await feed(0, other.env)).revision;
    await deployApi(db, admin, cat.api.id, other.env.id, {});
    expect(await upstream(other.env, r0)).toEqual(['http://backend.test/base']);
    // Deploying again with the same settings changes nothing a gateway would see.
    const r1 = (await feed(0, other.env)).revision;
    await deployApi(db, admin, cat.api.id, other.env.id, {});
    expect((await feed(0, other.env)).revision).toBe(r1);
  });

  it('sends a full snapshot when the sidecar claims a revision this portal never issued', async () => {
    await subscribedKey();
    const f = await feed(10_000);
    expect(f.mode).toBe('snapshot');
    expect(f.revision).toBeLessThan(10_000);
  });
});
