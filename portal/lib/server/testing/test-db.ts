import type { Actor } from '../actor';
import type { Db } from '../db/client';
import { hashPassword } from '../auth/password';
import { newId, nowIso } from '../ids';
import { syncedTransaction } from '../sync/synced-transaction';
import { createTestDatabase, type TestDatabase } from './test-database';

/**
 * A real database built by the real migrations: a SQLite file in its own temp directory, or, in the PostgreSQL test
 * pass, a database of its own on the server (test-database.ts).
 */
export function createTestDb(): Promise<TestDatabase> {
  return createTestDatabase();
}

/** Every fixture user's password. */
export const FIXTURE_PASSWORD = 'correct horse battery';
let fixtureHash: Promise<string> | undefined;

/**
 * A user as sign-up stores one, with FIXTURE_PASSWORD. The scrypt hash (real cost: ~32 MiB, 60-300 ms on a busy
 * 2-core machine) is computed once per worker by the real hashPassword and shared by every fixture user: tests create
 * thousands of users, and five per test cost a third of some files' time. Sign-up itself (validation, its own hash)
 * is tested through signUp; signing in as a fixture user still runs the real verification.
 */
export async function createUser(db: Db, name: string, role: Actor['role'] = 'subscriber'): Promise<Actor> {
  fixtureHash ??= hashPassword(FIXTURE_PASSWORD);
  const user = { id: newId('usr'), email: `${name}@example.test`.toLowerCase(), name, role, password_hash: await fixtureHash, created_at: nowIso() };
  await db.insertInto('users').values(user).execute();
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** One environment, one tier and one published API deployed there: the smallest catalog a subscriber can use. */
export async function createCatalog(db: Db, suffix = '1') {
  const now = nowIso();
  const env = { id: `env_${suffix}`, name: `env-${suffix}`, gateway_url: `http://gw-${suffix}.test`, created_at: now };
  await db.insertInto('environments').values(env).execute();
  await db.insertInto('tiers').values({ id: `tier_${suffix}`, name: `Tier ${suffix}`, description: '', requests_per_minute: 60, burst: 10, monthly_quota: null, created_at: now }).onConflict((oc) => oc.doNothing()).execute();
  const api = {
    id: `api_${suffix}`,
    name: `API ${suffix}`,
    version: 'v1',
    context: `/api-${suffix}/v1`,
    description: 'test api',
    tags: '["test"]',
    openapi: 'openapi: 3.1.0\ninfo: { title: t, version: v1 }\npaths:\n  /things:\n    get: { summary: List things }\n',
    backend_url: 'http://backend.test/base',
    status: 'PUBLISHED' as const,
    owner_id: null,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('apis').values(api).execute();
  await db.insertInto('api_tiers').values({ api_id: api.id, tier_id: `tier_${suffix}` }).execute();
  await db.insertInto('deployments').values({ api_id: api.id, environment_id: env.id, created_at: now }).execute();
  await syncedTransaction(db, async (_trx, touch) => touch('tiers', `api:${api.id}`));
  return { env, api, tierId: `tier_${suffix}` };
}

/**
 * Makes traffic of an application on an API reportable by the gateways of an environment (the ingest refuses any
 * other): deploys the API there and subscribes the application (ACTIVE, on the API's first tier), if not already.
 */
export async function openTraffic(db: Db, environmentId: string, apiId: string, appId: string, tierId = 'tier_1') {
  const now = nowIso();
  await db.insertInto('deployments').values({ api_id: apiId, environment_id: environmentId, created_at: now, backend_url: null }).onConflict((oc) => oc.doNothing()).execute();
  const existing = await db.selectFrom('subscriptions').where('app_id', '=', appId).where('api_id', '=', apiId).select('id').executeTakeFirst();
  if (!existing) await db.insertInto('subscriptions').values({ id: `sub_${appId}_${apiId}`, app_id: appId, api_id: apiId, tier_id: tierId, status: 'ACTIVE', created_at: now }).execute();
}
