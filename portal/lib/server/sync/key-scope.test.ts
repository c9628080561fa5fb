import type { KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { createApplication } from '../apps/create-application';
import type { Db } from '../db/client';
import { createApiKey } from '../keys/create-api-key';
import { revokeApiKey } from '../keys/revoke-api-key';
import { rotateApiKey } from '../keys/rotate-api-key';
import { subscribe } from '../subscriptions/subscribe';
import { createCatalog, createTestDb, createUser } from '../testing/test-db';
import { refreshSyncScopes } from './materialize';
import { syncedTransaction } from './synced-transaction';

let t: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let alice: Actor;
let cat: Awaited<ReturnType<typeof createCatalog>>;

beforeEach(async () => {
  t = await createTestDb();
  db = t.db;
  alice = await createUser(db, 'alice');
  cat = await createCatalog(db);
});
afterEach(() => t.cleanup());

/** What refreshing the application's whole scope would still change: nothing, when key refreshes were exact. */
const wholeAppDrift = (appId: string) => db.transaction().execute(async (trx) => (await refreshSyncScopes(trx, [`app:${appId}`])).changed);
const keyRows = () => db.selectFrom('sync_entities').where('kind', '=', 'key').select(['entity_id', 'scope', 'body']).orderBy('entity_id').execute();

describe('a key change refreshes that key alone', () => {
  it('leaves exactly the state a refresh of the whole application gives, through create, revoke and rotate', async () => {
    const app = await createApplication(db, alice, { name: 'app', description: '' });
    await subscribe(db, alice, app.id, { apiId: cat.api.id, tierId: cat.tierId });
    const keys = [];
    for (let i = 0; i < 5; i++) keys.push(await createApiKey(db, alice, app.id, { name: `k${i}`, expiresAt: null }));
    await revokeApiKey(db, alice, app.id, keys[0]?.id as string);
    await rotateApiKey(db, alice, app.id, keys[1]?.id as string, { graceSeconds: 3600 });

    const rows = await keyRows();
    expect(rows.filter((r) => r.body !== null)).toHaveLength(5); // 4 live keys + the rotated key in its grace period
    expect(rows.every((r) => r.scope === `app:${app.id}`)).toBe(true);
    expect(await wholeAppDrift(app.id)).toEqual([]);
  });

  it('sends no key of an application without an active subscription, as the whole scope would not', async () => {
    const app = await createApplication(db, alice, { name: 'idle', description: '' });
    await createApiKey(db, alice, app.id, { name: 'unused', expiresAt: null });
    expect(await keyRows()).toEqual([]);
    await subscribe(db, alice, app.id, { apiId: cat.api.id, tierId: cat.tierId });
    expect((await keyRows()).map((r) => r.body !== null)).toEqual([true]);
  });

  it('reads as many rows to create a key in an application of 60 keys as in one of 1', async () => {
    let rows = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        rows += args.result.rows.length;
        return args.result;
      },
    };
    const rowsToCreateKey = async (appId: string) => {
      rows = 0;
      await createApiKey(db.withPlugin(counting), alice, appId, { name: 'measured', expiresAt: null });
      return rows;
    };
    const small = await createApplication(db, alice, { name: 'small', description: '' });
    const large = await createApplication(db, alice, { name: 'large', description: '' });
    for (const app of [small, large]) await subscribe(db, alice, app.id, { apiId: cat.api.id, tierId: cat.tierId });
    for (let i = 0; i < 60; i++) await createApiKey(db, alice, large.id, { name: `k${i}`, expiresAt: null });
    expect(await rowsToCreateKey(large.id)).toBe(await rowsToCreateKey(small.id));
  });

  it("moves one revision per key change and does not rewrite the application's other keys", async () => {
    const app = await createApplication(db, alice, { name: 'app', description: '' });
    await subscribe(db, alice, app.id, { apiId: cat.api.id, tierId: cat.tierId });
    for (let i = 0; i < 3; i++) await createApiKey(db, alice, app.id, { name: `k${i}`, expiresAt: null });
    const before = await db.selectFrom('sync_entities').where('kind', '=', 'key').select(['entity_id', 'revision']).execute();
    const fresh = await createApiKey(db, alice, app.id, { name: 'new', expiresAt: null });
    const after = await db.selectFrom('sync_entities').where('kind', '=', 'key').select(['entity_id', 'revision']).execute();
    expect(after.filter((r) => before.some((b) => b.entity_id === r.entity_id && String(b.revision) !== String(r.revision)))).toEqual([]);
    expect(after).toHaveLength(4);
    await syncedTransaction(db, async (_trx, touch) => touch(`key:${fresh.id}`)); // nothing changed: no new revision
    const env = await db.selectFrom('environments').where('id', '=', cat.env.id).select('revision').executeTakeFirstOrThrow();
    expect(Number(env.revision)).toBe(Math.max(...after.map((r) => Number(r.revision))));
  });
});
