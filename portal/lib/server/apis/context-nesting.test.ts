import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import { deployApi } from '../deployments/deploy-api';
import { createCatalog, createTestDb, createUser } from '../testing/test-db';
import { contextsOverlap } from './context-overlap';
import { createApi } from './create-api';
import { createApiVersion } from './create-api-version';
import { updateApi } from './update-api';

// Issue #13, finding 2: a second publisher published /weather/v1/forecast inside /weather/v1 and the gateway routed
// that path to the second publisher's backend.
let t: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let weather: Actor;
let mallory: Actor;
let weatherApiId: string;
let envId: string;
const doc = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'petstore-3.0.yaml'), 'utf8');
const create = (who: Actor, context: string) => createApi(db, who, { openapi: doc, context, backendUrl: 'http://backend.test', tags: [], overview: '', requiresApproval: false });

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  envId = (await createCatalog(db)).env.id; // api_1 at /api-1/v1
  weather = await createUser(db, 'weather', 'publisher');
  mallory = await createUser(db, 'mallory', 'publisher');
  weatherApiId = (await create(weather, '/weather/v1')).id;
});
afterAll(() => t.cleanup());

const conflict = { code: 'CONFLICT', status: 409 };

describe('context paths never nest across APIs', () => {
  it('refuses a context inside another API, around it, or equal to it in another case', async () => {
    for (const context of ['/weather/v1/forecast', '/weather', '/WEATHER/V1', '/Weather/v1/a/b']) {
      await expect(create(mallory, context), context).rejects.toMatchObject(conflict);
    }
    expect(await db.selectFrom('apis').where('owner_id', '=', mallory.id).select('id').execute()).toEqual([]);
  });

  it('allows a context that only shares a string prefix, not a segment', async () => {
    await expect(create(mallory, '/weather/v10')).resolves.toMatchObject({ context: '/weather/v10' });
    await expect(create(mallory, '/weatherly/v1')).resolves.toMatchObject({ context: '/weatherly/v1' });
  });

  it('refuses an edit or a new version that would nest, across versions of one API too', async () => {
    const other = await create(mallory, '/storms/v1');
    await expect(updateApi(db, mallory, other.id, { context: '/weather/v1/forecast' })).rejects.toMatchObject(conflict);
    await expect(createApiVersion(db, mallory, other.id, { version: '2', context: '/weather/v1/x' })).rejects.toMatchObject(conflict);
    await expect(createApiVersion(db, weather, weatherApiId, { version: '2', context: '/weather/v1/v2' })).rejects.toMatchObject(conflict);
    await expect(updateApi(db, mallory, other.id, { context: '/storms/v1' })).resolves.toMatchObject({ context: '/storms/v1' });
  });

  it('refuses to deploy next to an API already routed there whose context nests (rows stored before the rule)', async () => {
    const now = new Date().toISOString();
    // A row as an older portal could have stored it, already deployed to the environment.
    await db.insertInto('apis').values({ id: 'api_legacy', name: 'L', version: 'v1', context: '/weather/v1/legacy', description: '', tags: '[]', openapi: doc, backend_url: 'http://x.test', status: 'PUBLISHED', owner_id: mallory.id, created_at: now, updated_at: now }).execute();
    await db.insertInto('deployments').values({ api_id: 'api_legacy', environment_id: envId, created_at: now, backend_url: null }).execute();
    const err = await deployApi(db, weather, weatherApiId, envId).catch((e: unknown) => e);
    expect(err).toMatchObject({ ...conflict, message: expect.stringContaining('/weather/v1/legacy') });
    expect(await db.selectFrom('deployments').where('api_id', '=', weatherApiId).select('environment_id').execute()).toEqual([]);
  });
});

describe('contextsOverlap (generated)', () => {
  const segment = fc.stringMatching(/^[a-z0-9._~-]{1,8}$/);
  const context = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => `/${s.join('/')}`);

  it('a context overlaps every path below it, in any case and with a trailing slash, both ways round', () => {
    fc.assert(
      fc.property(context, fc.array(segment, { maxLength: 3 }), fc.boolean(), (base, more, slash) => {
        const inner = [base, ...more].join('/').toUpperCase() + (slash ? '/' : '');
        return contextsOverlap(base, inner) && contextsOverlap(inner, base);
      }),
    );
  });

  it('a context does not overlap a sibling that only extends its last segment', () => {
    fc.assert(fc.property(context, segment, (base, extra) => !contextsOverlap(base, base + extra.replace(/^\.+$/, 'x'))));
  });
});
