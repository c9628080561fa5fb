import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { readFeed } from '../sync/read-feed';
import { createCatalog, createTestDb, createUser } from '../testing/test-db';
import { createEnvironment } from './create-environment';
import { listEnvironmentSummaries } from './list-environment-summaries';

let t: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let admin: Actor;

beforeEach(async () => {
  t = await createTestDb();
  db = t.db;
  admin = await createUser(db, 'root', 'admin');
  await createCatalog(db);
});
afterEach(() => t.cleanup());

const status = (p: Promise<unknown>) => p.then(() => 0, (e: unknown) => (e instanceof AppError ? e.status : -1));

describe('environments', () => {
  it('gives a new environment the tiers right away, so its first sidecar gets a complete snapshot', async () => {
    const env = await createEnvironment(db, admin, { name: 'staging', gatewayUrl: 'https://gw.staging.test/' });
    expect(env).toMatchObject({ name: 'staging', gatewayUrl: 'https://gw.staging.test', gateways: 0 });
    const feed = await readFeed(db, env, 0, []);
    expect(feed.revision).toBeGreaterThan(0);
    expect(feed.changes.map((c) => c.kind)).toEqual(['tier']);
    expect((await listEnvironmentSummaries(db, admin)).map((e) => e.name)).toEqual(['env-1', 'staging']);
  });

  it('refuses a duplicate name, and anyone but an admin', async () => {
    await createEnvironment(db, admin, { name: 'staging', gatewayUrl: 'https://gw.test' });
    expect(await status(createEnvironment(db, admin, { name: 'staging', gatewayUrl: 'https://gw.test' }))).toBe(409);
    const dev = await createUser(db, 'dev');
    expect(await status(createEnvironment(db, dev, { name: 'prod', gatewayUrl: 'https://gw.test' }))).toBe(403);
    expect(await status(listEnvironmentSummaries(db, dev))).toBe(403);
  });
});
