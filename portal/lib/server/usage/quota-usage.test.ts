import type { UsageBatch, UsageEvent } from '@gatehouse/sidecar/contract/analytics';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { createApplication } from '../apps/create-application';
import type { Db } from '../db/client';
import { listSubscriptions } from '../subscriptions/list-subscriptions';
import { createCatalog, createTestDb, createUser, openTraffic } from '../testing/test-db';
import { ingestUsageBatch } from './ingest-usage-batch';

let t: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let alice: Actor;
let appId: string;
const NOV = Date.UTC(2026, 10, 20);
const DEC = Date.UTC(2026, 11, 2);
const gw1 = { id: 'gw_1', environment: { id: 'env_1' } };
const gw2 = { id: 'gw_2', environment: { id: 'env_1' } };

function event(id: string, over: Partial<UsageEvent> = {}): UsageEvent {
  return { eventId: id, at: NOV, apiId: 'api_1', appId, method: 'GET', status: 200, latencyMs: 1, bytesIn: 0, bytesOut: 0, ...over };
}
const batch = (node: string, events: UsageEvent[]): UsageBatch => ({ batchId: events[0]?.eventId ?? 'empty', node, droppedTotal: 0, events });

beforeEach(async () => {
  t = await createTestDb();
  db = t.db;
  alice = await createUser(db, 'alice');
  await createCatalog(db);
  appId = (await createApplication(db, alice, { name: 'a', description: '' })).id;
  await openTraffic(db, 'env_1', 'api_1', appId);
});
afterEach(() => t.cleanup());

describe('quota counts at ingestion', () => {
  it('counts admitted requests once, never the ones the gateway refused, and answers with them', async () => {
    const b = batch('n1', [event('e1'), event('e2', { status: 500 }), event('e3', { status: 429, refused: 'rate' }), event('e4', { status: 429, refused: 'quota' })]);
    const ack = await ingestUsageBatch(db, gw1, b);
    expect(ack).toMatchObject({ accepted: 4, quota: [{ appId, apiId: 'api_1', period: '2026-11', used: 2, usedHere: 2 }] });
    const again = await ingestUsageBatch(db, gw1, b);
    expect(again).toMatchObject({ accepted: 0, duplicates: 4, quota: [{ used: 2, usedHere: 2 }] });
  });

  it("tells each node the fleet's count and its own, so it can add the rest of the fleet to its count", async () => {
    await ingestUsageBatch(db, gw1, batch('n1', [event('a1'), event('a2')]));
    await ingestUsageBatch(db, gw1, batch('n2', [event('b1')]));
    const ack = await ingestUsageBatch(db, gw2, batch('n1', [event('c1'), event('c2'), event('c3')]));
    expect(ack.quota).toEqual([{ appId, apiId: 'api_1', period: '2026-11', used: 6, usedHere: 3 }]);
  });

  it('counts each event in the month it happened, whenever it arrives', async () => {
    const ack = await ingestUsageBatch(db, gw1, batch('n1', [event('x1'), event('x2', { at: DEC })]));
    expect(ack.quota).toEqual([
      { appId, apiId: 'api_1', period: '2026-11', used: 1, usedHere: 1 },
      { appId, apiId: 'api_1', period: '2026-12', used: 1, usedHere: 1 },
    ]);
  });

  it("shows the subscription's use of its tier's quota this month", async () => {
    await db.updateTable('tiers').set({ monthly_quota: 1000 }).where('id', '=', 'tier_1').execute();
    await ingestUsageBatch(db, gw1, batch('n1', [event('s1'), event('s2'), event('s3', { at: DEC })]));
    await ingestUsageBatch(db, gw2, batch('n9', [event('s4')]));
    const [sub] = await listSubscriptions(db, alice, appId, NOV);
    expect(sub?.quota).toEqual({ period: '2026-11', used: 3, limit: 1000 });
  });
});
