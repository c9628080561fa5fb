import { hashApiKey } from '@gatehouse/sidecar/contract/key-format';
import { syncResponseSchema } from '@gatehouse/sidecar/contract/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { createApplication } from '../apps/create-application';
import type { Db } from '../db/client';
import { subscribe } from '../subscriptions/subscribe';
import { readFeed } from '../sync/read-feed';
import { createCatalog, createTestDb, createUser } from '../testing/test-db';
import { createApiKey } from './create-api-key';
import { listApiKeys } from './list-api-keys';
import { revokeApiKey } from './revoke-api-key';
import { rotateApiKey, rotateApiKeyInput } from './rotate-api-key';

let t: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let alice: Actor;
let mallory: Actor;
let cat: Awaited<ReturnType<typeof createCatalog>>;
const T0 = Date.parse('2031-05-01T12:00:00.000Z');
const HOUR = 3_600_000;

beforeEach(async () => {
  t = await createTestDb();
  db = t.db;
  alice = await createUser(db, 'alice');
  mallory = await createUser(db, 'mallory');
  cat = await createCatalog(db);
});
afterEach(() => t.cleanup());

async function subscribedKey(expiresAt: string | null = null) {
  const app = await createApplication(db, alice, { name: 'app', description: '' });
  await subscribe(db, alice, app.id, { apiId: cat.api.id, tierId: cat.tierId });
  const key = await createApiKey(db, alice, app.id, { name: 'ci', expiresAt });
  return { app, key };
}

/** What a sidecar of the environment holds for each key hash after a full snapshot. */
async function syncedKeys() {
  const feed = syncResponseSchema.parse(await readFeed(db, cat.env, 0, ['http://portal.test']));
  const out = new Map<string, number | null>();
  for (const c of feed.changes) if (c.kind === 'key' && c.data) out.set(c.id, c.data.expiresAt);
  return out;
}

describe('key rotation', () => {
  it('with a 1 h grace, issues a new key and sets the old key’s expiry to exactly the deadline, both synced in one change', async () => {
    const { app, key } = await subscribedKey();
    const rotated = await rotateApiKey(db, alice, app.id, key.id, { graceSeconds: 3600 }, () => T0);

    const deadline = new Date(T0 + HOUR).toISOString();
    expect(rotated.previous).toMatchObject({ id: key.id, expiresAt: deadline });
    expect(rotated.key.key).toMatch(/^gk_\w{38}$/);
    expect(rotated.key).toMatchObject({ name: 'ci', expiresAt: null });
    expect(rotated.key.id).not.toBe(key.id);

    const synced = await syncedKeys();
    expect(synced.get(hashApiKey(key.key))).toBe(T0 + HOUR);
    expect(synced.get(hashApiKey(rotated.key.key))).toBeNull();
    const listed = await listApiKeys(db, alice, app.id);
    expect(listed.find((k) => k.id === key.id)?.expiresAt).toBe(deadline);
  });

  it('with no grace, the old key is expired at once', async () => {
    const { app, key } = await subscribedKey();
    const rotated = await rotateApiKey(db, alice, app.id, key.id, { graceSeconds: 0 });
    const listed = await listApiKeys(db, alice, app.id);
    expect(listed.find((k) => k.id === key.id)?.status).toBe('expired');
    expect(listed.find((k) => k.id === rotated.key.id)?.status).toBe('active');
  });

  it('never extends the life of a key that already expires before the grace deadline', async () => {
    const soon = new Date(Date.now() + 10 * 60_000).toISOString();
    const { app, key } = await subscribedKey(soon);
    const rotated = await rotateApiKey(db, alice, app.id, key.id, { graceSeconds: 604_800 });
    expect(rotated.previous.expiresAt).toBe(soon);
  });

  it('refuses to rotate a revoked key, and a second rotation of an expired one', async () => {
    const { app, key } = await subscribedKey();
    await revokeApiKey(db, alice, app.id, key.id);
    await expect(rotateApiKey(db, alice, app.id, key.id, { graceSeconds: 3600 })).rejects.toMatchObject({ code: 'CONFLICT' });
    const other = await createApiKey(db, alice, app.id, { name: 'other', expiresAt: null });
    await rotateApiKey(db, alice, app.id, other.id, { graceSeconds: 0 });
    await expect(rotateApiKey(db, alice, app.id, other.id, { graceSeconds: 0 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await listApiKeys(db, alice, app.id)).toHaveLength(3);
  });

  it('answers not-found for someone else’s application or key, and changes nothing', async () => {
    const { app, key } = await subscribedKey();
    await expect(rotateApiKey(db, mallory, app.id, key.id, { graceSeconds: 0 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const theirs = await createApplication(db, mallory, { name: 'theirs', description: '' });
    await expect(rotateApiKey(db, mallory, theirs.id, key.id, { graceSeconds: 0 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listApiKeys(db, alice, app.id)).map((k) => k.expiresAt)).toEqual([null]);
  });

  it('accepts only the offered grace periods', () => {
    for (const graceSeconds of [0, 3600, 86_400, 604_800]) expect(rotateApiKeyInput.safeParse({ graceSeconds }).success).toBe(true);
    for (const body of [{ graceSeconds: 60 }, { graceSeconds: '3600' }, {}, { graceSeconds: 0, extra: 1 }]) expect(rotateApiKeyInput.safeParse(body).success).toBe(false);
  });
});
