import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { createApplication } from '../apps/create-application';
import type { Db } from '../db/client';
import { recordGatewayReport } from '../gateways/authenticate-gateway';
import { createGateway } from '../gateways/create-gateway';
import { subscribe } from '../subscriptions/subscribe';
import { createCatalog, createTestDb, createUser } from '../testing/test-db';
import { createApiKey } from './create-api-key';
import { listApiKeys } from './list-api-keys';
import { revokeApiKey } from './revoke-api-key';

let t: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let admin: Actor;
let alice: Actor;
let cat: Awaited<ReturnType<typeof createCatalog>>;
const setup = { portalUrl: 'http://portal.test', publicKey: 'ed25519:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' };

beforeEach(async () => {
  t = await createTestDb();
  db = t.db;
  admin = await createUser(db, 'root', 'admin');
  alice = await createUser(db, 'alice');
  cat = await createCatalog(db);
});
afterEach(() => t.cleanup());

const envRevision = async (id = cat.env.id) => Number((await db.selectFrom('environments').where('id', '=', id).select('revision').executeTakeFirstOrThrow()).revision);
const applyUpTo = (gatewayId: string, since: number) => recordGatewayReport(db, gatewayId, { since, waitMs: 0, node: 'n', version: 'v', keys: 0, protocol: 1 });
const receiptsOf = async (appId: string, keyId: string) => (await listApiKeys(db, alice, appId)).find((k) => k.id === keyId)?.receipts;

async function twoGateways() {
  const a = await createGateway(db, admin, { environmentId: cat.env.id, name: 'a' }, setup);
  const b = await createGateway(db, admin, { environmentId: cat.env.id, name: 'b' }, setup);
  return [a.gateway.id, b.gateway.id] as const;
}

async function subscribedKey() {
  const app = await createApplication(db, alice, { name: 'app', description: '' });
  await subscribe(db, alice, app.id, { apiId: cat.api.id, tierId: cat.tierId });
  const key = await createApiKey(db, alice, app.id, { name: 'k', expiresAt: null });
  return { app, key };
}

describe('key propagation receipts', () => {
  it('counts a key live on exactly the gateways whose applied revision reached the revision that wrote it', async () => {
    const [a, b] = await twoGateways();
    const before = await envRevision();
    const { app, key } = await subscribedKey();
    const written = await envRevision();
    expect(written).toBeGreaterThan(before);

    await applyUpTo(a, before);
    await applyUpTo(b, before);
    expect(await receiptsOf(app.id, key.id)).toEqual([
      { environment: cat.env.name, environmentId: cat.env.id, state: 'live', revision: written, gateways: 2, applied: 0 },
    ]);
    await applyUpTo(a, written);
    expect(await receiptsOf(app.id, key.id)).toMatchObject([{ state: 'live', gateways: 2, applied: 1 }]);
    await applyUpTo(b, written + 5);
    expect(await receiptsOf(app.id, key.id)).toMatchObject([{ state: 'live', gateways: 2, applied: 2 }]);
  });

  it('after a revoke, counts the gateways that have applied the removal, not those that merely had the key', async () => {
    const [a, b] = await twoGateways();
    const { app, key } = await subscribedKey();
    await applyUpTo(a, await envRevision());
    await applyUpTo(b, await envRevision());
    await revokeApiKey(db, alice, app.id, key.id);
    const removed = await envRevision();
    expect(await receiptsOf(app.id, key.id)).toMatchObject([{ state: 'removed', revision: removed, gateways: 2, applied: 0 }]);
    await applyUpTo(b, removed);
    expect(await receiptsOf(app.id, key.id)).toMatchObject([{ state: 'removed', gateways: 2, applied: 1 }]);
    await applyUpTo(a, removed);
    expect(await receiptsOf(app.id, key.id)).toMatchObject([{ state: 'removed', gateways: 2, applied: 2 }]);
  });

  it('has no receipt where the key never went, and ignores gateways of other environments', async () => {
    const other = await createCatalog(db, '2');
    await createGateway(db, admin, { environmentId: other.env.id, name: 'elsewhere' }, setup);
    const app = await createApplication(db, alice, { name: 'unsubscribed', description: '' });
    const lonely = await createApiKey(db, alice, app.id, { name: 'k', expiresAt: null });
    expect(await receiptsOf(app.id, lonely.id)).toEqual([]);

    const { app: subscribed, key } = await subscribedKey();
    expect(await receiptsOf(subscribed.id, key.id)).toMatchObject([{ environment: cat.env.name, gateways: 0, applied: 0 }]);
  });
});
