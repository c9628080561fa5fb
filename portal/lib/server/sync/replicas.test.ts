import type { SyncResponse } from '@gatehouse/sidecar/contract/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { createApplication } from '../apps/create-application';
import type { Db } from '../db/client';
import { openPostgres } from '../db/postgres';
import { createApiKey } from '../keys/create-api-key';
import { revokeApiKey } from '../keys/revoke-api-key';
import { subscribe } from '../subscriptions/subscribe';
import { createCatalog, createTestDb, createUser } from '../testing/test-db';
import { testEngine } from '../testing/test-database';
import { readFeed } from './read-feed';
import { currentSigningKey } from '../oauth/signing-keys';
import { listenForRevisions } from './revision-listener';
import { loadOrCreateSharedSigningKey } from './shared-signing-key';
import { waitForRevision } from './wait-for-revision';

// Several portal replicas share one PostgreSQL database (issue #15): three Kysely pools on it stand for three
// replicas, each with its own connections, exactly as three processes would have.
describe.runIf(testEngine() === 'postgres')('portal replicas on one PostgreSQL database', () => {
  let t: Awaited<ReturnType<typeof createTestDb>>;
  let replicas: Db[];
  let owner: Actor;
  let cat: Awaited<ReturnType<typeof createCatalog>>;

  beforeAll(async () => {
    t = await createTestDb();
    replicas = [t.db, openPostgres(t.url ?? '', 5), openPostgres(t.url ?? '', 5)];
    owner = await createUser(t.db, 'owner');
    cat = await createCatalog(t.db);
  });
  afterAll(async () => {
    await Promise.all(replicas.slice(1).map((r) => r.destroy()));
    await t.cleanup();
  });

  const revisionOf = async (db: Db) => Number((await db.selectFrom('environments').where('id', '=', cat.env.id).select('revision').executeTakeFirstOrThrow()).revision);

  it('gives 200 concurrent key creations and revocations on 3 replicas 200 distinct revisions, and every follower the final state', async () => {
    const apps: string[] = [];
    for (let i = 0; i < 8; i++) {
      const app = await createApplication(t.db, owner, { name: `app ${i}`, description: '' });
      await subscribe(t.db, owner, app.id, { apiId: cat.api.id, tierId: cat.tierId });
      apps.push(app.id);
    }
    const existing: { appId: string; keyId: string }[] = [];
    for (let i = 0; i < 60; i++) {
      const appId = apps[i % apps.length] ?? '';
      existing.push({ appId, keyId: (await createApiKey(t.db, owner, appId, { name: `old ${i}`, expiresAt: null })).id });
    }
    const before = await revisionOf(t.db);

    // Sidecar-style followers, one per replica: each applies snapshots and deltas as a sidecar does, and checks that
    // revisions never go backwards, while the storm runs.
    const stop = new AbortController();
    const followers = replicas.map((db) => follow(db, cat.env, stop.signal));

    const ops: (() => Promise<unknown>)[] = [
      ...Array.from({ length: 140 }, (_, i) => (db: Db) => createApiKey(db, owner, apps[i % apps.length] ?? '', { name: `new ${i}`, expiresAt: null })),
      ...existing.map((k) => (db: Db) => revokeApiKey(db, owner, k.appId, k.keyId)),
    ]
      .sort(() => Math.random() - 0.5)
      .map((op, i) => () => op(replicas[i % replicas.length] as Db));
    await Promise.all(ops.map((op) => op()));

    // Each of the 200 changes moved the environment exactly once: two commits sharing a revision would leave fewer.
    expect(await revisionOf(t.db)).toBe(before + 200);
    stop.abort();
    const finals = await Promise.all(followers);
    const snapshot = toState(await readFeed(t.db, cat.env, 0, []));
    expect(snapshot.size).toBe(8 * 1 + 140 + 1 + 1); // 8 subscriptions, 140 live keys, the route and the tier
    for (const state of finals) expect(state).toEqual(snapshot);
  });

  it('wakes a long-poll on one replica within milliseconds of a commit on another, through NOTIFY', async () => {
    const listener = listenForRevisions(t.url ?? '');
    try {
      await listener.ready;
      const app = await createApplication(t.db, owner, { name: 'woken', description: '' });
      await subscribe(t.db, owner, app.id, { apiId: cat.api.id, tierId: cat.tierId });
      const since = await revisionOf(replicas[1] as Db);
      // No re-read on a timer here (a minute apart): only the NOTIFY of replica 0's commit can end the wait early.
      const started = performance.now();
      const woken = waitForRevision(replicas[1] as Db, cat.env.id, since, 60_000, new AbortController().signal, 60_000).then(() => performance.now());
      await createApiKey(replicas[0] as Db, owner, app.id, { name: 'wake', expiresAt: null });
      const committed = performance.now();
      const at = await woken;
      expect(await revisionOf(replicas[1] as Db)).toBe(since + 1);
      console.log(`long-poll on replica 1 woke ${(at - committed).toFixed(1)} ms after replica 0 committed (${(at - started).toFixed(1)} ms wait)`);
    } finally {
      await listener.close();
    }
  });
});

describe.runIf(testEngine() === 'postgres')('secrets shared by portal replicas', () => {
  let t: Awaited<ReturnType<typeof createTestDb>>;
  let replicas: Db[];
  beforeAll(async () => {
    t = await createTestDb();
    replicas = [t.db, openPostgres(t.url ?? '', 2), openPostgres(t.url ?? '', 2)];
  });
  afterAll(async () => {
    await Promise.all(replicas.slice(1).map((r) => r.destroy()));
    await t.cleanup();
  });

  it('gives 3 replicas starting at once one sync signing key, the one sidecars pin', async () => {
    const keys = await Promise.all(replicas.map((db) => loadOrCreateSharedSigningKey(db)));
    expect(new Set(keys.map((k) => k.pinned)).size).toBe(1);
    expect((await loadOrCreateSharedSigningKey(replicas[2] as Db)).pinned).toBe(keys[0]?.pinned);
  });

  it('rotates the OAuth signing keys once when 3 replicas find them due at the same moment', async () => {
    const timings = { tokenTtlMs: 300_000, rotationMs: 3_600_000, publishLeadMs: 600_000 };
    const now = Date.now();
    const first = await Promise.all(replicas.map((db) => currentSigningKey(db, now, timings)));
    expect(new Set(first.map((k) => k.kid)).size).toBe(1);
    // Due again: the next key must be published once, not once per replica.
    const later = now + timings.rotationMs - timings.publishLeadMs + 1;
    const second = await Promise.all(replicas.map((db) => currentSigningKey(db, later, timings)));
    expect(new Set(second.map((k) => k.kid))).toEqual(new Set([first[0]?.kid]));
    expect(await t.db.selectFrom('oauth_signing_keys').select('kid').execute()).toHaveLength(2);
  });
});

type State = Map<string, string>;
const toState = (feed: SyncResponse, state: State = new Map()): State => {
  if (feed.mode === 'snapshot') state.clear();
  for (const c of feed.changes) {
    if (c.data === null) state.delete(`${c.kind}:${c.id}`);
    else state.set(`${c.kind}:${c.id}`, JSON.stringify(c.data));
  }
  return state;
};

async function follow(db: Db, env: { id: string; name: string }, stop: AbortSignal): Promise<State> {
  const state: State = new Map();
  let since = 0;
  for (;;) {
    const done = stop.aborted;
    const feed = await readFeed(db, env, since, []);
    expect(feed.revision).toBeGreaterThanOrEqual(since);
    toState(feed, state);
    since = feed.revision;
    if (done) return state;
    await waitForRevision(db, env.id, since, 200, stop, 50);
  }
}
