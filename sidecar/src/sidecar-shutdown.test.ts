import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakePortal, startFakePortal } from './test-support/fake-portal';
import { type FakeUpstream, startFakeUpstream } from './test-support/fake-upstream';
import { testWorld } from './test-support/fixtures';
import { startTestSidecar, tempDir } from './test-support/harness';
import { httpRequest } from './test-support/http-client';
import { waitFor } from './test-support/wait-for';

let upstream: FakeUpstream;
let portal: FakePortal;
let dir: ReturnType<typeof tempDir>;
let world: ReturnType<typeof testWorld>;

beforeEach(async () => {
  dir = tempDir();
  upstream = await startFakeUpstream();
  portal = await startFakePortal();
  world = testWorld(upstream.url, Date.UTC(2100, 0, 1));
  portal.push(world.changes);
});
afterEach(async () => {
  await Promise.all([portal.close(), upstream.close()]);
  dir.remove();
});

async function syncedSidecar(args: string[] = []) {
  const sidecar = await startTestSidecar(portal.url, `${dir.path}/cache.db`, ['--sync-wait-ms', '60000', ...args]);
  await waitFor(() => sidecar.cache.meta.revision === portal.revision && portal.state.holding === 1, 'first sync, then a parked poll');
  return sidecar;
}

describe('graceful shutdown', () => {
  it('in-flight requests finish during the drain, new connections are refused, and the sync poll ends', async () => {
    const sidecar = await syncedSidecar();
    const inFlight = httpRequest(sidecar.dataPort, '/pets/v1/slow', { headers: { 'x-api-key': world.keys.good } });
    await waitFor(() => upstream.requests.length === 1, 'the request to reach the backend');
    const stopped = sidecar.stop();
    await expect(httpRequest(sidecar.dataPort, '/pets/v1/pets')).rejects.toThrow(/ECONNREFUSED/);
    upstream.releaseHeld();
    expect((await inFlight).status).toBe(200);
    await stopped;
    await waitFor(() => portal.state.holding === 0, 'the parked poll to be abandoned');
  });

  it('the drain is bounded: a request that never finishes is cut at the drain timeout', async () => {
    const sidecar = await syncedSidecar(['--drain-timeout-ms', '100']);
    // Settled into a value at once: the cut happens while stop() is still closing the rest.
    const inFlight = httpRequest(sidecar.dataPort, '/pets/v1/slow', { headers: { 'x-api-key': world.keys.good } }).then(() => 'answered', () => 'cut');
    await waitFor(() => upstream.requests.length === 1, 'the request to reach the backend');
    await sidecar.stop();
    expect(await inFlight).toBe('cut');
    await waitFor(() => upstream.openSockets() === 0, 'the upstream socket to close');
  });
});
