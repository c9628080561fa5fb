import { afterEach, beforeEach, expect, it } from 'vitest';
import { createCatalog, createTestDb } from '../testing/test-db';
import { beginShutdown } from './shutdown-signal';
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
