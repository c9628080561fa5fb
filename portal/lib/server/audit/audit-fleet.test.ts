import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import { createEnvironment } from '../environments/create-environment';
import { createGateway } from '../gateways/create-gateway';
import { revokeGateway } from '../gateways/revoke-gateway';
import { rotateGatewayToken } from '../gateways/rotate-gateway-token';
import { createTestDb, createUser } from '../testing/test-db';
import { listAudit } from './list-audit';

const setup = { portalUrl: 'http://portal.test', publicKey: 'ed25519:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' };

let t: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let admin: Actor;
beforeEach(async () => {
  t = await createTestDb();
  db = t.db;
  admin = await createUser(db, 'root', 'admin');
});
afterEach(() => t.cleanup());

describe('audit of the gateway fleet', () => {
  it('records who created an environment and who registered, rotated and revoked a gateway, never the token', async () => {
    const env = await createEnvironment(db, admin, { name: 'staging', gatewayUrl: 'http://gw.staging.test' });
    const created = await createGateway(db, admin, { environmentId: env.id, name: 'edge-1' }, setup);
    const rotated = await rotateGatewayToken(db, admin, created.gateway.id, setup);
    await revokeGateway(db, admin, created.gateway.id);
    await revokeGateway(db, admin, created.gateway.id); // idempotent: no second event

    const log = await listAudit(db, admin, { limit: 100 });
    // Oldest first here; the log itself is newest first, in recording order even within one millisecond.
    expect(log.map((e) => `${e.action} ${e.target.type}:${e.target.id} by ${e.actor.email}`).reverse()).toEqual([
      `environment.create environment:${env.id} by root@example.test`,
      `gateway.create gateway:${created.gateway.id} by root@example.test`,
      `gateway.rotate gateway:${created.gateway.id} by root@example.test`,
      `gateway.revoke gateway:${created.gateway.id} by root@example.test`,
    ]);
    const text = JSON.stringify(log);
    expect(text).not.toContain(created.token);
    expect(text).not.toContain(rotated.token);
  });

  it('filters the log by target so one gateway history reads alone', async () => {
    const env = await createEnvironment(db, admin, { name: 'staging', gatewayUrl: 'http://gw.staging.test' });
    const a = await createGateway(db, admin, { environmentId: env.id, name: 'a' }, setup);
    await createGateway(db, admin, { environmentId: env.id, name: 'b' }, setup);
    const log = await listAudit(db, admin, { targetId: a.gateway.id, limit: 100 });
    expect(log.map((e) => e.action)).toEqual(['gateway.create']);
  });
});
