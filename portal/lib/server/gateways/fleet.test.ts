import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { createTestDb, createCatalog, createUser } from '../testing/test-db';
import { syncedTransaction } from '../sync/synced-transaction';
import { recordGatewayReport } from './authenticate-gateway';
import { createGateway } from './create-gateway';
import { FLEET_WINDOW_MS, gatewayStatus } from './gateway-status';
import { listFleet } from './list-fleet';
import { MIN_SIDECAR_VERSION } from './sidecar-compatibility';

const NOW = Date.parse('2026-01-01T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();

describe('gateway status', () => {
  const base = { revokedAt: null, lastSeenAt: ago(1_000), behindSince: null, lag: 0 };
  it('is online when seen within a minute and up to date, or behind for less than a minute (catching up)', () => {
    expect(gatewayStatus(base, NOW)).toBe('online');
    expect(gatewayStatus({ ...base, lag: 3, behindSince: ago(5_000) }, NOW)).toBe('online');
    expect(gatewayStatus({ ...base, lag: 1, behindSince: null }, NOW)).toBe('online');
  });
  it('is stale when still polling but behind for more than a minute', () => {
    expect(gatewayStatus({ ...base, lag: 2, behindSince: ago(FLEET_WINDOW_MS + 1) }, NOW)).toBe('stale');
  });
  it('is offline when not seen for more than a minute, or never seen', () => {
    expect(gatewayStatus({ ...base, lastSeenAt: ago(FLEET_WINDOW_MS + 1) }, NOW)).toBe('offline');
    expect(gatewayStatus({ ...base, lastSeenAt: null, lag: null }, NOW)).toBe('offline');
  });
  it('is revoked whatever it last reported', () => {
    expect(gatewayStatus({ ...base, revokedAt: ago(1) }, NOW)).toBe('revoked');
  });
});

describe('fleet', () => {
  let t: Awaited<ReturnType<typeof createTestDb>>;
  let db: Db;
  let admin: Actor;
  let cat: Awaited<ReturnType<typeof createCatalog>>;
  const setup = { portalUrl: 'http://portal.test', publicKey: 'ed25519:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' };
  const report = (since: number) => ({ since, waitMs: 0, node: 'node-a', version: '1.2.3', keys: 7, protocol: 1 }) as const;
  const bumpRevision = () => syncedTransaction(db, async (trx, touch) => {
    await trx.updateTable('tiers').set({ burst: Math.floor(Math.random() * 1e6) }).execute();
    touch('tiers');
  });

  beforeEach(async () => {
    t = await createTestDb();
    db = t.db;
    admin = await createUser(db, 'root', 'admin');
    cat = await createCatalog(db);
  });
  afterEach(() => t.cleanup());

  it('flags a gateway whose sidecar reported a version older than the portal supports', async () => {
    const { gateway } = await createGateway(db, admin, { environmentId: cat.env.id, name: 'old' }, setup);
    expect((await listFleet(db, admin, NOW))[0]).toMatchObject({ sidecarSupport: 'unknown' });
    await recordGatewayReport(db, gateway.id, { ...report(0), version: '0.0.9' }, ago(1_000));
    expect((await listFleet(db, admin, NOW))[0]).toMatchObject({ version: '0.0.9', sidecarSupport: 'unsupported' });
    await recordGatewayReport(db, gateway.id, { ...report(0), version: MIN_SIDECAR_VERSION }, ago(500));
    expect((await listFleet(db, admin, NOW))[0]).toMatchObject({ sidecarSupport: 'supported' });
  });

  it('shows what each gateway last reported, its lag behind the environment, and derives its status', async () => {
    const { gateway } = await createGateway(db, admin, { environmentId: cat.env.id, name: 'gw' }, setup);
    expect((await listFleet(db, admin, NOW))[0]).toMatchObject({ status: 'offline', lastSeenAt: null, lag: null });

    const { revision } = await db.selectFrom('environments').select('revision').executeTakeFirstOrThrow();
    await recordGatewayReport(db, gateway.id, report(Number(revision)), ago(2_000));
    expect((await listFleet(db, admin, NOW))[0]).toMatchObject({
      status: 'online', lag: 0, appliedRevision: Number(revision), nodeId: 'node-a', version: '1.2.3', cacheKeys: 7,
      environment: { name: cat.env.name, revision: Number(revision) },
    });

    await bumpRevision();
    await bumpRevision();
    // Behind, reporting the old revision for over a minute while still polling: stale.
    await recordGatewayReport(db, gateway.id, report(Number(revision)), ago(FLEET_WINDOW_MS + 5_000));
    await recordGatewayReport(db, gateway.id, report(Number(revision)), ago(1_000));
    expect((await listFleet(db, admin, NOW))[0]).toMatchObject({ status: 'stale', lag: 2 });

    // Caught up: the lag clock resets.
    await recordGatewayReport(db, gateway.id, report(Number(revision) + 2), ago(500));
    expect((await listFleet(db, admin, NOW))[0]).toMatchObject({ status: 'online', lag: 0 });
    expect((await listFleet(db, admin, NOW + FLEET_WINDOW_MS))[0]).toMatchObject({ status: 'offline' });
  });

  it('answers 403 to anyone but an admin', async () => {
    const publisher = await createUser(db, 'pub', 'publisher');
    await expect(listFleet(db, publisher)).rejects.toSatisfy((e) => e instanceof AppError && e.status === 403);
  });
});
