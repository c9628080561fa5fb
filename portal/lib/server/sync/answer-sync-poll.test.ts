import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SIGNATURE_HEADER, parsePinnedPublicKey, verifyBody } from '@gatehouse/sidecar/contract/signature';
import { syncResponseSchema } from '@gatehouse/sidecar/contract/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { createGateway } from '../gateways/create-gateway';
import { revokeGateway } from '../gateways/revoke-gateway';
import { rotateGatewayToken } from '../gateways/rotate-gateway-token';
import { createCatalog, createTestDb, createUser } from '../testing/test-db';
import { storedText } from '../testing/test-database';
import { answerSyncPoll } from './answer-sync-poll';
import { loadOrCreateSigningKey, SIGNING_KEY_FILE, type SigningKey } from './signing-key';

let t: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let admin: Actor;
let keyDir: string;
let key: SigningKey;
let cat: Awaited<ReturnType<typeof createCatalog>>;

beforeEach(async () => {
  t = await createTestDb();
  db = t.db;
  admin = await createUser(db, 'root', 'admin');
  cat = await createCatalog(db);
  keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-signing-'));
  key = loadOrCreateSigningKey(keyDir);
});
afterEach(async () => {
  await t.cleanup();
  fs.rmSync(keyDir, { recursive: true, force: true });
});

const setup = () => ({ portalUrl: 'http://portal.test', publicKey: key.pinned });
const poll = (token: string, since = 0) =>
  answerSyncPoll(
    db,
    new Request(`http://portal.test/api/gateway/v1/sync?since=${since}&waitMs=0&node=n1&version=9.9.9&keys=0`, { headers: { authorization: `Bearer ${token}` } }),
    key,
    ['http://portal.test'],
  );
const rejection = (p: Promise<unknown>) => p.then(() => null, (err: unknown) => (err instanceof AppError ? err.status : err));

describe('sync signing', () => {
  it('keeps one Ed25519 key in the data directory, readable by its owner only, and the same across restarts', () => {
    const file = path.join(keyDir, SIGNING_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSigningKey(keyDir).pinned).toBe(key.pinned);
    expect(key.pinned).toMatch(/^ed25519:[A-Za-z0-9_-]{43}$/);
  });

  it('signs the exact bytes of every sync answer so that the pinned key verifies them and nothing else', async () => {
    const { token } = await createGateway(db, admin, { environmentId: cat.env.id, name: 'gw' }, setup());
    const res = await poll(token);
    const body = new Uint8Array(await res.arrayBuffer());
    const signature = res.headers.get(SIGNATURE_HEADER);
    const pinned = parsePinnedPublicKey(key.pinned);
    expect(verifyBody(body, signature, pinned)).toBe(true);
    expect(syncResponseSchema.parse(JSON.parse(Buffer.from(body).toString('utf8'))).mode).toBe('snapshot');

    const tampered = Buffer.from(Buffer.from(body).toString('utf8').replace('"snapshot"', '"delta"'));
    expect(verifyBody(tampered, signature, pinned)).toBe(false);
    const otherPortal = loadOrCreateSigningKey(path.join(keyDir, 'other-portal'));
    expect(verifyBody(body, signature, otherPortal.publicKey)).toBe(false);
  });
});

describe('gateway tokens', () => {
  it('stops the old token at the sync endpoint the moment it is rotated, and accepts the new one', async () => {
    const created = await createGateway(db, admin, { environmentId: cat.env.id, name: 'gw' }, setup());
    expect((await poll(created.token)).status).toBe(200);
    const rotated = await rotateGatewayToken(db, admin, created.gateway.id, setup());
    expect(rotated.token).not.toBe(created.token);
    expect(await rejection(poll(created.token))).toBe(401);
    expect((await poll(rotated.token)).status).toBe(200);
    expect(rotated.command).toContain(`GATEHOUSE_GATEWAY_TOKEN=${rotated.token} `);
    expect(rotated.command).toContain(`--portal-public-key ${key.pinned}`);
  });

  it('refuses a revoked gateway at the sync endpoint and cannot rotate it back to life', async () => {
    const created = await createGateway(db, admin, { environmentId: cat.env.id, name: 'gw' }, setup());
    const revoked = await revokeGateway(db, admin, created.gateway.id);
    expect(revoked.status).toBe('revoked');
    expect(await rejection(poll(created.token))).toBe(401);
    expect(await rejection(rotateGatewayToken(db, admin, created.gateway.id, setup()))).toBe(409);
  });

  it('stores only a hash of the token, never the token itself', async () => {
    const created = await createGateway(db, admin, { environmentId: cat.env.id, name: 'gw' }, setup());
    const stored = await storedText(t);
    expect(stored).toContain(created.gateway.id);
    expect(stored.includes(created.token)).toBe(false);
    if (t.file) t = { ...t, cleanup: async () => fs.rmSync(path.dirname(t.file ?? ''), { recursive: true, force: true }) };
  });

  it('lets only admins register, rotate or revoke gateways', async () => {
    const dev = await createUser(db, 'dev');
    const created = await createGateway(db, admin, { environmentId: cat.env.id, name: 'gw' }, setup());
    expect(await rejection(createGateway(db, dev, { environmentId: cat.env.id, name: 'x' }, setup()))).toBe(403);
    expect(await rejection(rotateGatewayToken(db, dev, created.gateway.id, setup()))).toBe(403);
    expect(await rejection(revokeGateway(db, dev, created.gateway.id))).toBe(403);
    expect((await poll(created.token)).status).toBe(200);
  });
});
