import { GATEWAY_AUDIENCE } from '@gatehouse/sidecar/contract/oauth';
import { syncResponseSchema } from '@gatehouse/sidecar/contract/sync';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CacheIndex } from '../../../../sidecar/src/cache/cache-index';
import { verifyRequest } from '../../../../sidecar/src/verify/verify-request';
import type { Actor } from '../actor';
import { createApplication } from '../apps/create-application';
import { deleteApplication } from '../apps/delete-application';
import type { Db } from '../db/client';
import { subscribe } from '../subscriptions/subscribe';
import { readFeed } from '../sync/read-feed';
import { createCatalog, createTestDb, createUser } from '../testing/test-db';
import { createOAuthClient } from './create-oauth-client';
import { issueAccessToken } from './issue-access-token';
import { listOAuthClients } from './list-oauth-clients';
import { publishJwks } from './publish-jwks';
import { revokeOAuthClient } from './revoke-oauth-client';

let t: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let alice: Actor;
let mallory: Actor;
let cat: Awaited<ReturnType<typeof createCatalog>>;
const T0 = Date.parse('2031-05-01T12:00:00.000Z');
const HOUR = 3_600_000;
const timings = { tokenTtlMs: 300_000, rotationMs: 24 * HOUR, publishLeadMs: 10 * 60_000 };

beforeEach(async () => {
  t = await createTestDb();
  db = t.db;
  alice = await createUser(db, 'alice');
  mallory = await createUser(db, 'mallory');
  cat = await createCatalog(db);
});
afterEach(() => t.cleanup());

async function subscribedClient() {
  const app = await createApplication(db, alice, { name: 'app', description: '' });
  await subscribe(db, alice, app.id, { apiId: cat.api.id, tierId: cat.tierId });
  const client = await createOAuthClient(db, alice, app.id, { name: 'ci' });
  return { app, client, credentials: { clientId: client.clientId, clientSecret: client.clientSecret } };
}

/** What a sidecar of the environment holds after a full snapshot. */
async function synced() {
  const feed = syncResponseSchema.parse(await readFeed(db, cat.env, 0, []));
  const index = new CacheIndex();
  for (const change of feed.changes) index.apply(change);
  const of = (kind: string) => feed.changes.filter((c) => c.kind === kind).map((c) => c.id);
  return { index, clients: of('client'), kids: of('jwk') };
}

describe('OAuth client credentials in the portal', () => {
  it('a client secret is returned once, stored only as its SHA-256, and lists show a prefix only', async () => {
    const { app, client } = await subscribedClient();
    expect(client.clientSecret).toMatch(/^gcs_[A-Za-z0-9_-]{43}$/);
    expect(client.clientId).toMatch(/^gci_[a-z0-9]{24}$/);
    const row = await db.selectFrom('oauth_clients').selectAll().where('id', '=', client.clientId).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(client.clientSecret);
    const listed = await listOAuthClients(db, alice, app.id);
    expect(listed).toEqual([expect.objectContaining({ clientId: client.clientId, status: 'active', secretPrefix: client.clientSecret.slice(0, 8) })]);
    expect(JSON.stringify(listed)).not.toContain(client.clientSecret);
    await expect(listOAuthClients(db, mallory, app.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('issues a short-lived EdDSA token that verifies against the published JWKS, and the synced sidecar admits it', async () => {
    const { app, credentials } = await subscribedClient();
    const token = await issueAccessToken(db, credentials, T0, timings);
    expect(token).toMatchObject({ token_type: 'Bearer', expires_in: 300 });
    const jwks = createLocalJWKSet(await publishJwks(db, T0));
    const { payload, protectedHeader } = await jwtVerify(token.access_token, jwks, { audience: GATEWAY_AUDIENCE, currentDate: new Date(T0) });
    expect(protectedHeader.alg).toBe('EdDSA');
    expect(payload).toMatchObject({ sub: credentials.clientId, exp: T0 / 1000 + 300 });

    const { index } = await synced();
    const verdict = verifyRequest({ presented: { key: token.access_token, source: 'authorization' }, apiId: cat.api.id, index, now: T0 + 1000 });
    expect(verdict).toMatchObject({ ok: true, appId: app.id, keyId: credentials.clientId });
  });

  it('a wrong secret, an unknown client and a revoked client all get the same invalid_client', async () => {
    const { app, credentials } = await subscribedClient();
    const refused = { code: 'invalid_client', description: 'Client authentication failed' };
    await expect(issueAccessToken(db, { ...credentials, clientSecret: `${credentials.clientSecret.slice(0, -1)}x` }, T0, timings)).rejects.toMatchObject(refused);
    await expect(issueAccessToken(db, { ...credentials, clientId: 'gci_nobody' }, T0, timings)).rejects.toMatchObject(refused);
    await revokeOAuthClient(db, alice, app.id, credentials.clientId);
    await expect(issueAccessToken(db, credentials, T0, timings)).rejects.toMatchObject(refused);
  });

  it('revoking the secret or deleting the application removes the client from the feed', async () => {
    const a = await subscribedClient();
    expect((await synced()).clients).toEqual([a.credentials.clientId]);
    await revokeOAuthClient(db, alice, a.app.id, a.credentials.clientId);
    expect((await synced()).clients).toEqual([]);

    const other = await createApplication(db, alice, { name: 'other', description: '' });
    await subscribe(db, alice, other.id, { apiId: cat.api.id, tierId: cat.tierId });
    const b = await createOAuthClient(db, alice, other.id, { name: '' });
    const before = Number((await db.selectFrom('environments').select('revision').where('id', '=', cat.env.id).executeTakeFirstOrThrow()).revision);
    expect((await synced()).clients).toEqual([b.clientId]);
    await deleteApplication(db, alice, other.id);
    expect((await synced()).clients).toEqual([]);
    // A sidecar that already held the client learns of the deletion as a tombstone in its delta.
    const delta = await readFeed(db, cat.env, before, []);
    expect(delta.changes).toContainEqual({ kind: 'client', id: b.clientId, data: null });
  });

  it('rotation: the next key is published before it signs, and the old one stays in the JWKS until its last token expired', async () => {
    const { credentials } = await subscribedClient();
    const kidOf = async (now: number) => JSON.parse(Buffer.from((await issueAccessToken(db, credentials, now, timings)).access_token.split('.')[0]!, 'base64url').toString()).kid as string;
    const first = await kidOf(T0);
    expect((await synced()).kids).toEqual([first]);

    const retire = T0 + timings.rotationMs;
    expect(await kidOf(retire - timings.publishLeadMs + 1)).toBe(first);
    const { kids } = await synced();
    expect(kids).toHaveLength(2);
    const second = kids.find((k) => k !== first)!;

    expect(await kidOf(retire)).toBe(second);
    expect((await synced()).kids.sort()).toEqual([first, second].sort());
    expect((await publishJwks(db, retire + timings.tokenTtlMs - 1)).keys.map((k) => k.kid)).toContain(first);

    expect(await kidOf(retire + timings.tokenTtlMs)).toBe(second);
    expect((await synced()).kids).toEqual([second]);
    expect((await publishJwks(db, retire + timings.tokenTtlMs)).keys.map((k) => k.kid)).toEqual([second]);
  });
});
