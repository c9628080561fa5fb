import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { changeApiStatus } from '../apis/change-api-status';
import { createApiVersion } from '../apis/create-api-version';
import { decideSubscription } from '../approvals/decide-subscription';
import { createApplication } from '../apps/create-application';
import type { Db } from '../db/client';
import { createApiKey } from '../keys/create-api-key';
import { rotateApiKey } from '../keys/rotate-api-key';
import { listSubscriptions } from '../subscriptions/list-subscriptions';
import { subscribe } from '../subscriptions/subscribe';
import { createCatalog, createTestDb, createUser } from '../testing/test-db';
import { deriveKeyExpiryNotices } from './derive-key-expiry';
import { listNotifications } from './list-notifications';
import { markNotificationsRead } from './mark-notifications-read';

let t: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let admin: Actor;
let dev: Actor;
let other: Actor;

beforeEach(async () => {
  t = await createTestDb();
  db = t.db;
  admin = await createUser(db, 'admin', 'admin');
  dev = await createUser(db, 'dev');
  other = await createUser(db, 'other');
});
afterEach(() => t.cleanup());

async function subscribedApp(actor: Actor, name: string, apiId: string, tierId: string) {
  const app = await createApplication(db, actor, { name, description: '' });
  await subscribe(db, actor, app.id, { apiId, tierId });
  return app;
}

describe('notifications', () => {
  it('a new version, then the deprecation of the old one, reach its subscriber with the successor named', async () => {
    const { api, tierId } = await createCatalog(db);
    const app = await subscribedApp(dev, 'Billing', api.id, tierId);
    const v2 = await createApiVersion(db, admin, api.id, { version: 'v2', context: '/api-1/v2' });
    await changeApiStatus(db, admin, v2.id, { status: 'PUBLISHED' });
    await changeApiStatus(db, admin, api.id, { status: 'DEPRECATED' });

    const { items, unread } = await listNotifications(db, dev);
    expect(unread).toBe(2);
    expect(items.map((n) => n.kind)).toEqual(['api.deprecated', 'api.new-version']);
    expect(items[0]).toMatchObject({ title: 'API 1 v1 is deprecated', link: `/apis/${v2.id}`, read: false });
    expect(items[0]?.body).toMatch(/^Deprecated on \d{4}-\d\d-\d\d\. .*Billing\. Move to v2\.$/);
    expect((await listNotifications(db, other)).items).toEqual([]);

    const [sub] = await listSubscriptions(db, dev, app.id);
    expect(sub?.api).toMatchObject({ status: 'DEPRECATED', successor: { id: v2.id, version: 'v2' } });
  });

  it('marking read is per user and leaves the notices listed', async () => {
    const { api, tierId } = await createCatalog(db);
    await subscribedApp(dev, 'One', api.id, tierId);
    await subscribedApp(other, 'Two', api.id, tierId);
    await changeApiStatus(db, admin, api.id, { status: 'BLOCKED' });
    const mine = (await listNotifications(db, dev)).items;
    expect(await markNotificationsRead(db, dev, { ids: [...mine.map((n) => n.id), (await listNotifications(db, other)).items[0]?.id ?? ''] })).toEqual({ marked: 1 });
    expect(await listNotifications(db, dev)).toMatchObject({ unread: 0, items: [{ kind: 'api.blocked', read: true }] });
    expect((await listNotifications(db, other)).unread).toBe(1);
  });

  it('an approval decision tells the application owner', async () => {
    const { api, tierId } = await createCatalog(db);
    await db.updateTable('apis').set({ requires_approval: 1 }).execute();
    await subscribedApp(dev, 'Waiting', api.id, tierId);
    const pending = await db.selectFrom('subscriptions').select('id').executeTakeFirstOrThrow();
    await decideSubscription(db, admin, pending.id, 'reject');
    expect((await listNotifications(db, dev)).items[0]).toMatchObject({ kind: 'subscription.decided', title: 'API 1 v1: subscription rejected' });
  });

  it('a key expiring within 7 days raises one notice however often the list is read; replaced and short-lived keys raise none', async () => {
    const { api, tierId } = await createCatalog(db);
    const app = await subscribedApp(dev, 'Keys', api.id, tierId);
    const now = Date.now();
    const inDays = (d: number) => new Date(now + d * 86_400_000).toISOString();
    await createApiKey(db, dev, app.id, { name: 'soon', expiresAt: inDays(3) });
    await createApiKey(db, dev, app.id, { name: 'later', expiresAt: inDays(30) });
    await createApiKey(db, dev, app.id, { name: 'try-it', expiresAt: new Date(now + 3_600_000).toISOString() });
    const rotated = await createApiKey(db, dev, app.id, { name: 'rotated', expiresAt: null });
    await rotateApiKey(db, dev, app.id, rotated.id, { graceSeconds: 86_400 });

    await listNotifications(db, dev);
    const { items } = await listNotifications(db, dev);
    expect(items.map((n) => n.title)).toEqual(['Key soon of Keys expires soon']);
  });

  it('the sweep across all owners gives each owner their own notice before they look, once', async () => {
    const { api, tierId } = await createCatalog(db);
    const soon = new Date(Date.now() + 2 * 86_400_000).toISOString();
    for (const [owner, name] of [[dev, 'Dev app'], [other, 'Other app']] as const) {
      const app = await subscribedApp(owner, name, api.id, tierId);
      await createApiKey(db, owner, app.id, { name: 'soon', expiresAt: soon });
    }
    await deriveKeyExpiryNotices(db, null);
    await deriveKeyExpiryNotices(db, null);
    const stored = await db.selectFrom('notifications').where('kind', '=', 'key.expiring').select(['user_id', 'title']).orderBy('title').execute();
    expect(stored).toEqual([
      { user_id: dev.id, title: 'Key soon of Dev app expires soon' },
      { user_id: other.id, title: 'Key soon of Other app expires soon' },
    ]);
  });
});
