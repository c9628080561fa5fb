import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { createApplication } from '../apps/create-application';
import type { Db } from '../db/client';
import { changeSubscriptionTier } from '../subscriptions/change-tier';
import { subscribe } from '../subscriptions/subscribe';
import { createCatalog, createTestDb, createUser } from '../testing/test-db';
import { countPendingApprovals } from './count-pending-approvals';
import { decideSubscription } from './decide-subscription';
import { listApprovalQueue } from './list-approval-queue';

let t: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let admin: Actor;
let owner: Actor;
let otherPublisher: Actor;
let dev: Actor;

beforeEach(async () => {
  t = await createTestDb();
  db = t.db;
  admin = await createUser(db, 'admin', 'admin');
  owner = await createUser(db, 'owner', 'publisher');
  otherPublisher = await createUser(db, 'other', 'publisher');
  dev = await createUser(db, 'dev');
});
afterEach(() => t.cleanup());

/** An API of `owner` that requires approval and offers two tiers. */
async function approvalApi(suffix: string) {
  const { api, tierId } = await createCatalog(db, suffix);
  await db.updateTable('apis').set({ owner_id: owner.id, requires_approval: 1 }).where('id', '=', api.id).execute();
  await db.insertInto('api_tiers').values({ api_id: api.id, tier_id: 'tier_gold' }).execute();
  return { apiId: api.id, tierId };
}

describe('pending approvals count', () => {
  it('counts new subscriptions and tier changes waiting on the publisher’s APIs, as the queue lists them', async () => {
    await db.insertInto('tiers').values({ id: 'tier_gold', name: 'Gold', description: '', requests_per_minute: 600, burst: 10, monthly_quota: null, created_at: new Date().toISOString() }).execute();
    const a = await approvalApi('a');
    const b = await approvalApi('b');
    const one = await createApplication(db, dev, { name: 'One', description: '' });
    const two = await createApplication(db, dev, { name: 'Two', description: '' });
    const three = await createApplication(db, dev, { name: 'Three', description: '' });
    await subscribe(db, dev, one.id, { apiId: a.apiId, tierId: a.tierId });
    await subscribe(db, dev, two.id, { apiId: a.apiId, tierId: a.tierId });
    const active = await subscribe(db, dev, three.id, { apiId: b.apiId, tierId: b.tierId });
    expect(await countPendingApprovals(db, owner)).toEqual({ total: 3, subscriptions: 3, tierChanges: 0 });

    // Approved, it leaves the count; asking for another tier brings it back as a tier change.
    await decideSubscription(db, owner, active.id, 'approve');
    await changeSubscriptionTier(db, dev, three.id, active.id, { tierId: 'tier_gold' });
    const counted = await countPendingApprovals(db, owner);
    expect(counted).toEqual({ total: 3, subscriptions: 2, tierChanges: 1 });
    expect((await listApprovalQueue(db, owner, { status: 'PENDING' })).length).toBe(counted.total);

    expect(await countPendingApprovals(db, admin)).toEqual(counted);
    expect(await countPendingApprovals(db, otherPublisher)).toEqual({ total: 0, subscriptions: 0, tierChanges: 0 });
  });

  it('is nothing to decide, not an error, on an empty queue; and no business of a subscriber', async () => {
    expect(await countPendingApprovals(db, owner)).toEqual({ total: 0, subscriptions: 0, tierChanges: 0 });
    await expect(countPendingApprovals(db, dev)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
