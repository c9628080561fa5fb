import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateApiKey } from '../contract/key-format';
import type { RunningSidecar } from '../sidecar';
import { type FakePortal, startFakePortal, TEST_TOKEN } from '../test-support/fake-portal';
import { type FakeUpstream, startFakeUpstream } from '../test-support/fake-upstream';
import { deletion, key, testWorld } from '../test-support/fixtures';
import { startTestSidecar, tempDir } from '../test-support/harness';
import { httpRequest } from '../test-support/http-client';
import { waitFor } from '../test-support/wait-for';
import { SIDECAR_VERSION } from '../version';

let upstream: FakeUpstream;
let portal: FakePortal;
let sidecar: RunningSidecar;
let dir: ReturnType<typeof tempDir>;
let world: ReturnType<typeof testWorld>;

beforeEach(async () => {
  dir = tempDir();
  upstream = await startFakeUpstream();
  portal = await startFakePortal();
  world = testWorld(upstream.url, Date.UTC(2100, 0, 1));
  portal.push(world.changes);
  // A poll that would hold for a minute: anything faster than that proves the long-poll wakes on change.
  sidecar = await startTestSidecar(portal.url, `${dir.path}/cache.db`, ['--sync-wait-ms', '60000', '--node-id', 'edge-7']);
  await waitFor(() => sidecar.cache.meta.revision === portal.revision && portal.state.holding === 1, 'first sync, then a parked poll');
});
afterEach(async () => {
  await sidecar.stop();
  await Promise.all([portal.close(), upstream.close()]);
  dir.remove();
});

const call = (apiKey: string) => httpRequest(sidecar.dataPort, '/pets/v1/pets', { headers: { 'x-api-key': apiKey } });

describe('sync loop', () => {
  it('revoked key is rejected within one sync while connected', async () => {
    expect((await call(world.keys.good)).status).toBe(200);
    portal.push([deletion('key', 'key-good')]);
    await waitFor(() => sidecar.cache.meta.revision === portal.revision, 'the revocation to arrive', 1000);
    expect((await call(world.keys.good)).status).toBe(401);
  });

  it('a key created in the portal works at the gateway within one sync', async () => {
    const fresh = generateApiKey();
    portal.push([deletion('key', 'key-good'), key(fresh, 'app-1', null, 'key-new')]);
    await waitFor(() => sidecar.cache.meta.revision === portal.revision, 'the new key to arrive', 1000);
    expect((await call(fresh)).status).toBe(200);
  });

  it('every poll reports revision, node, version and cache size, authenticated by the gateway token', async () => {
    const last = portal.polls.at(-1);
    expect(last).toMatchObject({ since: 1, waitMs: 60000, node: 'edge-7', version: SIDECAR_VERSION, keys: 4, protocol: 1 });
    expect(portal.state.authorizations.every((a) => a === `Bearer ${TEST_TOKEN}`)).toBe(true);
  });

  it('failing or invalid answers keep the last good state, are retried with backoff, and the loop recovers', async () => {
    const bad = [
      { status: 500, body: { error: 'boom' } },
      { status: 200, body: 'not json' },
      { status: 200, body: { protocol: 1, environment: 'default' } },
      { status: 200, body: { protocol: 1, environment: 'prod', revision: 99, mode: 'snapshot', since: 0, settings: { corsOrigins: [] }, changes: [] } },
      { status: 200, body: { protocol: 1, environment: 'default', revision: 0, mode: 'snapshot', since: 0, settings: { corsOrigins: [] }, changes: [] } },
    ];
    let served = 0;
    portal.state.intercept = () => (served < bad.length ? (bad[served++] ?? null) : null);
    portal.push([]); // wake the parked poll so the next ones hit the faulty answers
    await waitFor(() => served === bad.length, 'every faulty answer to be polled');
    expect(sidecar.sync.state.consecutiveFailures).toBeGreaterThanOrEqual(bad.length - 1);
    expect((await call(world.keys.good)).status).toBe(200);
    expect(sidecar.cache.meta.environment).toBe('default');
    await waitFor(() => portal.state.holding === 1, 'the next poll to park');
    portal.push([]);
    await waitFor(() => sidecar.sync.state.consecutiveFailures === 0, 'recovery');
    expect(sidecar.sync.state.lastError).toBeNull();
    expect(sidecar.cache.meta.revision).toBe(portal.revision);
  });
});
