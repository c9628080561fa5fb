import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createGateway } from '../gateways/create-gateway';
import { createCatalog, createTestDb, createUser } from '../testing/test-db';
import { answerSyncPoll } from './answer-sync-poll';
import { beginShutdown } from './shutdown-signal';
import { loadOrCreateSigningKey } from './signing-key';
import { waitForRevision } from './wait-for-revision';

// Its own file: shutting down is for the whole process, and no other test here should see it.
let t: Awaited<ReturnType<typeof createTestDb>>;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => t.cleanup());

it('ends every open long-poll the moment the portal is asked to stop, so SIGTERM does not wait on sidecars', async () => {
  const { env } = await createCatalog(t.db);
  const revision = Number((await t.db.selectFrom('environments').where('id', '=', env.id).select('revision').executeTakeFirstOrThrow()).revision);
  let ended = false;
  const polls = [1, 2, 3].map(() => waitForRevision(t.db, env.id, revision, 600_000, new AbortController().signal).then(() => (ended = true)));
  await new Promise((resolve) => setImmediate(resolve));
  expect(ended).toBe(false);
  beginShutdown();
  await Promise.all(polls);
  // A poll that arrives after the signal answers at once too, instead of waiting out its 10 minutes.
  await waitForRevision(t.db, env.id, revision, 600_000, new AbortController().signal);
});

it('asks each sidecar to close its kept-alive connection once the portal is stopping, so the server can end', async () => {
  const { env } = await createCatalog(t.db);
  const admin = await createUser(t.db, 'root', 'admin');
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-signing-'));
  const key = loadOrCreateSigningKey(keyDir);
  const { token } = await createGateway(t.db, admin, { environmentId: env.id, name: 'gw' }, { portalUrl: 'http://portal.test', publicKey: key.pinned });
  const poll = () =>
    answerSyncPoll(t.db, new Request('http://portal.test/api/gateway/v1/sync?since=0&waitMs=0&node=n1&version=9.9.9&keys=0', { headers: { authorization: `Bearer ${token}` } }), key, []);
  beginShutdown();
  const answer = await poll();
  expect(answer.status).toBe(200);
  expect(answer.headers.get('connection')).toBe('close');
  fs.rmSync(keyDir, { recursive: true, force: true });
});
