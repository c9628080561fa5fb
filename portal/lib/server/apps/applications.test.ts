import { hashApiKey } from '@gatehouse/sidecar/contract/key-format';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import { createApiKey } from '../keys/create-api-key';
import { listApiKeys } from '../keys/list-api-keys';
import { revokeApiKey } from '../keys/revoke-api-key';
import { subscribe } from '../subscriptions/subscribe';
import { createCatalog, createTestDb, createUser } from '../testing/test-db';
import { createApplication } from './create-application';
import { deleteApplication } from './delete-application';
import { getOwnedApp } from './get-owned-app';
import { listApplications } from './list-applications';

let t: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let alice: Actor;
let mallory: Actor;

beforeEach(async () => {
  t = await createTestDb();
  db = t.db;
  alice = await createUser(db, 'alice');
  mallory = await createUser(db, 'mallory');
});
afterEach(() => t.cleanup());

describe('applications', () => {
  it('lists only the caller own applications, with their counts', async () => {
    await createApplication(db, alice, { name: 'mine', description: '' });
    await createApplication(db, mallory, { name: 'theirs', description: '' });
    const apps = await listApplications(db, alice);
    expect(apps.map((a) => a.name)).toEqual(['mine']);
    expect(apps[0]).toMatchObject({ subscriptions: 0, activeKeys: 0 });
  });

  it('answers not found for another user application on every operation', async () => {
    const app = await createApplication(db, alice, { name: 'mine', description: '' });
    const { api, tierId } = await createCatalog(db);
    const key = await createApiKey(db, alice, app.id, { name: 'k', expiresAt: null });
    const attempts = [
      () => getOwnedApp(db, mallory, app.id),
      () => deleteApplication(db, mallory, app.id),
      () => listApiKeys(db, mallory, app.id),
      () => createApiKey(db, mallory, app.id, { name: 'x', expiresAt: null }),
      () => revokeApiKey(db, mallory, app.id, key.id),
      () => subscribe(db, mallory, app.id, { apiId: api.id, tierId }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listApiKeys(db, alice, app.id))[0]?.status).toBe('active');
  });

  it('refuses a second application with the same name for one owner', async () => {
    await createApplication(db, alice, { name: 'dup', description: '' });
    await expect(createApplication(db, alice, { name: 'dup', description: '' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(createApplication(db, mallory, { name: 'dup', description: '' })).resolves.toBeTruthy();
  });
});

describe('api keys', () => {
  it('stores only the hash and a display prefix, never the plaintext', async () => {
    const app = await createApplication(db, alice, { name: 'a', description: '' });
    const created = await createApiKey(db, alice, app.id, { name: 'k', expiresAt: null });
    expect(created.key).toMatch(/^gk_[0-9A-Za-z]{38}$/);
    const row = await db.selectFrom('api_keys').selectAll().executeTakeFirstOrThrow();
    expect(row.key_hash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key);
    expect(created.key.startsWith(row.prefix)).toBe(true);
  });

  it('lists a revoked key as revoked and revoking again is harmless', async () => {
    const app = await createApplication(db, alice, { name: 'a', description: '' });
    const created = await createApiKey(db, alice, app.id, { name: 'k', expiresAt: null });
    await revokeApiKey(db, alice, app.id, created.id);
    await revokeApiKey(db, alice, app.id, created.id);
    expect((await listApiKeys(db, alice, app.id)).map((k) => k.status)).toEqual(['revoked']);
  });

  it('refuses an expiry in the past', async () => {
    const app = await createApplication(db, alice, { name: 'a', description: '' });
    await expect(createApiKey(db, alice, app.id, { name: 'k', expiresAt: '2000-01-01T00:00:00Z' })).rejects.toMatchObject({ code: 'UNPROCESSABLE' });
  });
});

describe('subscriptions', () => {
  it('refuses a tier the API does not offer and a duplicate subscription', async () => {
    const app = await createApplication(db, alice, { name: 'a', description: '' });
    const { api, tierId } = await createCatalog(db);
    await expect(subscribe(db, alice, app.id, { apiId: api.id, tierId: 'tier_nope' })).rejects.toMatchObject({ code: 'UNPROCESSABLE' });
    await subscribe(db, alice, app.id, { apiId: api.id, tierId });
    await expect(subscribe(db, alice, app.id, { apiId: api.id, tierId })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses new subscriptions to a deprecated API', async () => {
    const app = await createApplication(db, alice, { name: 'a', description: '' });
    const { api, tierId } = await createCatalog(db);
    await db.updateTable('apis').set({ status: 'DEPRECATED' }).where('id', '=', api.id).execute();
    await expect(subscribe(db, alice, app.id, { apiId: api.id, tierId })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
