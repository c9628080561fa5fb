import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { createApplication } from '../apps/create-application';
import type { Db } from '../db/client';
import { createApiKey } from '../keys/create-api-key';
import { createOAuthClient } from '../oauth/create-oauth-client';
import { subscribe } from '../subscriptions/subscribe';
import { createCatalog, createTestDb, createUser } from '../testing/test-db';
import { checkCredentials } from './authenticate-user';
import { listUsers } from './list-users';
import { updateUser } from './update-user';

let t: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let admin: Actor;
let dev: Actor;

beforeEach(async () => {
  t = await createTestDb();
  db = t.db;
  admin = await createUser(db, 'admin', 'admin');
  dev = await createUser(db, 'dev');
});
afterEach(() => t.cleanup());

/** What the gateways of the environment are told right now: live key and client entities of the environment. */
async function liveAtGateways(envId: string) {
  const rows = await db.selectFrom('sync_entities').where('environment_id', '=', envId).where('kind', 'in', ['key', 'client']).where('body', 'is not', null).select('kind').execute();
  return rows.map((r) => r.kind).sort();
}

describe('disabling a user', () => {
  it("withdraws their applications' keys and OAuth clients from the gateways, and enabling brings them back", async () => {
    const { env, api, tierId } = await createCatalog(db);
    const app = await createApplication(db, dev, { name: 'App', description: '' });
    await subscribe(db, dev, app.id, { apiId: api.id, tierId });
    await createApiKey(db, dev, app.id, { name: 'k', expiresAt: null });
    await createOAuthClient(db, dev, app.id, { name: 'c' });
    expect(await liveAtGateways(env.id)).toEqual(['client', 'key']);
    expect((await listUsers(db, admin)).find((u) => u.id === dev.id)?.holdings).toEqual({ applications: 1, keys: 1, oauthClients: 1 });

    const before = (await db.selectFrom('environments').select('revision').where('id', '=', env.id).executeTakeFirstOrThrow()).revision;
    await updateUser(db, admin, dev.id, { disabled: true });
    expect(await liveAtGateways(env.id)).toEqual([]);
    const after = (await db.selectFrom('environments').select('revision').where('id', '=', env.id).executeTakeFirstOrThrow()).revision;
    expect(Number(after)).toBeGreaterThan(Number(before));

    await updateUser(db, admin, dev.id, { disabled: false });
    expect(await liveAtGateways(env.id)).toEqual(['client', 'key']);
  });

  it('tells a disabled user so at sign-in, but only once their password matched', async () => {
    await updateUser(db, admin, dev.id, { disabled: true });
    expect(await checkCredentials(db, 'dev@example.test', 'correct horse battery')).toEqual({ ok: false, code: 'DISABLED' });
    expect(await checkCredentials(db, 'dev@example.test', 'a wrong password')).toEqual({ ok: false, code: 'INVALID' });
  });
});
