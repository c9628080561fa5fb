import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { decideSubscription } from '../approvals/decide-subscription';
import { listApprovalQueue } from '../approvals/list-approval-queue';
import { createApplication } from '../apps/create-application';
import type { Db } from '../db/client';
import { createCatalog, createTestDb, createUser } from '../testing/test-db';
import { changeSubscriptionTier } from './change-tier';
import { listSubscriptions } from './list-subscriptions';
import { subscribe } from './subscribe';

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

async function setup(requiresApproval: boolean) {
  const { env, api, tierId } = await createCatalog(db);
  await db.insertInto('tiers').values({ id: 'tier_gold', name: 'Gold', description: '', requests_per_minute: 600, burst: 100, monthly_quota: null, created_at: new Date().toISOString() }).execute();
  await db.insertInto('api_tiers').values({ api_id: api.id, tier_id: 'tier_gold' }).execute();
  const app = await createApplication(db, dev, { name: 'App', description: '' });
  const sub = await subscribe(db, dev, app.id, { apiId: api.id, tierId });
  if (requiresApproval) await db.updateTable('apis').set({ requires_approval: 1 }).execute();
  return { env, app, sub, tierId };
}

/** The tier the gateways of the environment enforce for the subscription. */
async function tierAtGateways(envId: string, subId: string) {
  const row = await db.selectFrom('sync_entities').where('environment_id', '=', envId).where('kind', '=', 'subscription').where('entity_id', '=', subId).select('body').executeTakeFirst();
  return row?.body ? (JSON.parse(row.body) as { tierId: string }).tierId : null;
}

describe('changing a subscription tier', () => {
  it('applies at once, gateways included, when the API needs no approval', async () => {
    const { env, app, sub } = await setup(false);
    expect(await changeSubscriptionTier(db, dev, app.id, sub.id, { tierId: 'tier_gold' })).toMatchObject({ tierId: 'tier_gold', requestedTierId: null });
    expect(await tierAtGateways(env.id, sub.id)).toBe('tier_gold');
  });

  it('waits for the publisher where the API requires approval, keeping the current tier until approved', async () => {
    const { env, app, sub, tierId } = await setup(true);
    expect(await changeSubscriptionTier(db, dev, app.id, sub.id, { tierId: 'tier_gold' })).toMatchObject({ tierId, requestedTierId: 'tier_gold' });
    expect(await tierAtGateways(env.id, sub.id)).toBe(tierId);
    expect((await listSubscriptions(db, dev, app.id))[0]?.requestedTier).toEqual({ id: 'tier_gold', name: 'Gold' });
    const [queued] = await listApprovalQueue(db, admin, { status: 'PENDING' });
    expect(queued).toMatchObject({ id: sub.id, status: 'ACTIVE', requestedTier: { name: 'Gold' } });

    await decideSubscription(db, admin, sub.id, 'approve');
    expect(await tierAtGateways(env.id, sub.id)).toBe('tier_gold');
    expect((await listSubscriptions(db, dev, app.id))[0]).toMatchObject({ tier: { id: 'tier_gold' }, requestedTier: null });
    expect(await listApprovalQueue(db, admin, { status: 'PENDING' })).toEqual([]);
  });

  it('refuses a tier the API does not offer, and someone else’s subscription is not found', async () => {
    const { app, sub } = await setup(false);
    const other = await createUser(db, 'other');
    await expect(changeSubscriptionTier(db, dev, app.id, sub.id, { tierId: 'tier_nope' })).rejects.toMatchObject({ code: 'UNPROCESSABLE' });
    await expect(changeSubscriptionTier(db, other, app.id, sub.id, { tierId: 'tier_gold' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
