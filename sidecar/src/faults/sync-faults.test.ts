import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateApiKey } from '../contract/key-format';
import { problem } from '../contract/problem';
import { deletion, key } from '../test-support/fixtures';
import { httpRequest } from '../test-support/http-client';
import { waitFor } from '../test-support/wait-for';
import { startSyncedWorld, type SyncedWorld } from './support/synced-world';

let w: SyncedWorld;
beforeEach(async () => {
  w = await startSyncedWorld();
});
afterEach(() => w.stop());

const gate = () => {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
};
const caughtUp = () => w.sidecar.cache.meta.revision === w.portal.revision;

describe('sync faults while connected', () => {
  it('a lost answer that carried a revocation is made good by the retry: the key is then 401', async () => {
    const held = gate();
    w.script(() => ({ action: 'drop', holdUntil: held.opened }));
    await waitFor(() => w.portal.polls.length >= 3, 'the scripted poll to arrive');
    w.portal.push([deletion('key', 'key-good')]);
    held.open();
    await waitFor(async () => (await w.failures('network')) === 1, 'the lost answer to count as a network failure');
    await waitFor(caughtUp, 'the retry to bring the revocation');
    expect((await w.call(w.world.keys.good)).status).toBe(401);
  });

  it('a duplicated answer is applied idempotently and is not a failure', async () => {
    w.portal.push([key(generateApiKey(), 'app-1', null, 'key-dup')]);
    await waitFor(w.parked, 'the change to apply');
    const counts = w.sidecar.cache.index.counts();
    // Each scripted poll gets the very answer the sidecar applied last, again.
    const replayLatest = () => {
      const latest = w.portal.sent.at(-1);
      if (!latest) throw new Error('nothing sent');
      return { body: latest.bytes.toString('utf8'), signature: latest.signature };
    };
    const run = w.script(replayLatest, 2);
    await waitFor(() => run.done() && w.parked(), 'both duplicates to be served');
    expect(w.sidecar.cache.index.counts()).toEqual(counts);
    expect(w.sidecar.sync.state.consecutiveFailures).toBe(0);
    expect(await w.rejections('older_revision')).toBe(0);
    expect((await w.call(w.world.keys.good)).status).toBe(200);
  });

  it('a connection reset mid-transfer keeps the old state, and the next poll delivers the change', async () => {
    const fresh = generateApiKey();
    const held = gate();
    w.script(() => ({ action: 'truncate', holdUntil: held.opened }));
    await waitFor(() => w.portal.polls.length >= 3, 'the scripted poll to arrive');
    w.portal.push([key(fresh, 'app-1', null, 'key-fresh')]);
    held.open();
    await waitFor(async () => (await w.failures('network')) === 1, 'the cut transfer to count as a network failure');
    await waitFor(caughtUp, 'the retry');
    expect((await w.call(fresh)).status).toBe(200);
  });

  it('a burst of 150 revisions while connected converges on exactly the final state', async () => {
    const added: string[] = [];
    for (let i = 0; i < 150; i++) {
      const plaintext = generateApiKey();
      added.push(plaintext);
      w.portal.push([key(plaintext, 'app-1', null, `burst-${i}`), ...(i > 0 ? [deletion('key', `burst-${i - 1}`)] : [])]);
    }
    await waitFor(caughtUp, 'the burst to be applied', 10_000);
    expect(w.sidecar.cache.index.counts().keys).toBe(5);
    expect((await w.call(added[0] as string)).status).toBe(401);
    expect((await w.call(added[148] as string)).status).toBe(401);
    expect((await w.call(added[149] as string)).status).toBe(200);
  });

  it('a portal answering 5xx keeps the last good state serving, counts the failures and recovers', async () => {
    const run = w.script(() => ({ status: 503, body: { error: 'maintenance' } }), 3);
    await waitFor(async () => run.done() && (await w.failures('http_status')) === 3, 'three 503 answers');
    expect((await w.call(w.world.keys.good)).status).toBe(200);
    expect((await httpRequest(w.sidecar.adminPort, '/readyz')).json()).toMatchObject({ status: 'ready', syncError: 'portal answered 503' });
    w.portal.push([]);
    await waitFor(() => caughtUp() && w.sidecar.sync.state.lastError === null, 'recovery');
    expect((await httpRequest(w.sidecar.adminPort, '/readyz')).json().syncError).toBeNull();
  });

  it('a slow portal does not slow the request path, and its late answer is applied', async () => {
    const held = gate();
    w.script(() => ({ holdUntil: held.opened }));
    await waitFor(() => w.portal.polls.length >= 3, 'the slow poll to arrive');
    w.portal.push([deletion('key', 'key-good')]);
    for (let i = 0; i < 20; i++) expect((await w.call(w.world.keys.expiring)).status).toBe(200);
    expect((await httpRequest(w.sidecar.adminPort, '/readyz')).status).toBe(200);
    held.open();
    await waitFor(caughtUp, 'the late answer');
    expect((await w.call(w.world.keys.good)).status).toBe(401);
  });

  it('after an answer with changes the next poll starts at once (no idle pause delays the next revocation)', async () => {
    w.portal.push([deletion('key', 'key-good')]);
    await waitFor(w.parked, 'the revocation to apply and the loop to park');
    expect(w.sidecar.sync.state.lastPauseMs).toBe(0);
  });

  it('an empty snapshot marked reset: true is applied: the operator asked for an empty environment', async () => {
    w.script((since) => ({ body: { ...w.portal.answerFor(since), mode: 'snapshot', since: 0, revision: w.portal.revision + 1, reset: true, changes: [] } }));
    await waitFor(() => w.sidecar.cache.index.entityCount === 0, 'the reset to apply');
    expect((await w.call(w.world.keys.good)).status).toBe(404);
  });
});

describe('protocol version skew', () => {
  const refuse = () => ({
    status: 426,
    contentType: 'application/problem+json',
    body: problem(426, 'SYNC_PROTOCOL_UNSUPPORTED', 'Upgrade required', 'This portal no longer speaks sync protocol 1.'),
  });

  it('a portal refusing our protocol (426) leaves the last good state serving, says why on /readyz, and backs off long', async () => {
    w.script(refuse);
    await waitFor(async () => (await w.failures('protocol_unsupported')) === 1, 'the 426');
    await waitFor(() => w.sidecar.sync.state.lastPauseMs === 600_000, 'the long back-off');
    expect(w.portal.polls.at(-1)?.protocol).toBe(1);
    expect((await w.call(w.world.keys.good)).status).toBe(200);
    const ready = await httpRequest(w.sidecar.adminPort, '/readyz');
    expect([ready.status, ready.json().syncError]).toEqual([200, 'protocol unsupported by portal']);
    expect(w.log.lines().some((l) => l.reason === 'protocol_unsupported' && l.detail === 'protocol unsupported by portal')).toBe(true);
  });
});
