import { afterEach, describe, expect, it } from 'vitest';
import { generateApiKey } from '../contract/key-format';
import type { RunningSidecar } from '../sidecar';
import { deletion, key } from '../test-support/fixtures';
import { startTestSidecar } from '../test-support/harness';
import { httpRequest } from '../test-support/http-client';
import { metricValue } from '../test-support/metric-value';
import { testClock, waitFor } from '../test-support/wait-for';
import { startSyncedWorld, type SyncedWorld } from './support/synced-world';

let w: SyncedWorld;
const extra: RunningSidecar[] = [];
afterEach(async () => {
  await Promise.all(extra.splice(0).map((s) => s.stop()));
  await w.stop();
});

const restart = async (args: string[] = []) => {
  const sidecar = await startTestSidecar(w.portal.url, `${w.dir.path}/cache.db`, args);
  extra.push(sidecar);
  return sidecar;
};
const callOn = (sidecar: RunningSidecar, apiKey: string) => httpRequest(sidecar.dataPort, '/pets/v1/pets', { headers: { 'x-api-key': apiKey } });

describe('portal outage', () => {
  it('a key revoked during an outage keeps working until the sidecar reconnects, then is 401', async () => {
    w = await startSyncedWorld();
    await w.portal.goOffline();
    w.portal.push([deletion('key', 'key-good')]);
    await waitFor(async () => (await w.failures('network')) > 0, 'the refused connection');
    expect((await w.call(w.world.keys.good)).status).toBe(200);
    await w.portal.goOnline();
    await waitFor(() => w.sidecar.cache.meta.revision === w.portal.revision, 'reconnection');
    expect((await w.call(w.world.keys.good)).status).toBe(401);
  });

  it('key expiry is judged by the sidecar clock while the portal is down', async () => {
    const clock = testClock();
    w = await startSyncedWorld([], { now: clock.now });
    const shortLived = generateApiKey();
    w.portal.push([key(shortLived, 'app-1', clock.now() + 60_000, 'key-short')]);
    await waitFor(w.parked, 'the key to arrive');
    await w.portal.goOffline();
    expect((await w.call(shortLived)).status).toBe(200);
    clock.advance(60_001);
    expect((await w.call(shortLived)).status).toBe(401);
    expect((await w.call(w.world.keys.good)).status).toBe(200);
  });

  it('staleness and the applied revision are reported on /readyz and /metrics, and past the bound requests are 503', async () => {
    const clock = testClock();
    w = await startSyncedWorld(['--max-staleness-s', '300'], { now: clock.now });
    await w.portal.goOffline();
    await waitFor(() => w.sidecar.sync.state.lastError !== null, 'the outage to be noticed');
    clock.advance(120_000);
    const ready = await httpRequest(w.sidecar.adminPort, '/readyz');
    expect(ready.json()).toMatchObject({ status: 'ready', stalenessSeconds: 120, revision: w.portal.revision, syncError: expect.any(String) });
    expect(await metricValue(w.sidecar.metrics, 'gatehouse_sync_staleness_seconds')).toBe(120);
    expect(await metricValue(w.sidecar.metrics, 'gatehouse_sync_revision')).toBe(w.portal.revision);
    clock.advance(181_000);
    expect((await w.call(w.world.keys.good)).status).toBe(503);
    expect((await httpRequest(w.sidecar.adminPort, '/readyz')).status).toBe(503);
  });
});

describe('restarts', () => {
  it('a restart without a cache while the portal is down answers 503 to everything and is not ready, then recovers', async () => {
    w = await startSyncedWorld();
    await w.portal.goOffline();
    const fresh = await startTestSidecar(w.portal.url, `${w.dir.path}/other.db`);
    extra.push(fresh);
    await waitFor(() => fresh.sync.state.consecutiveFailures > 0, 'a failed first sync');
    expect((await callOn(fresh, w.world.keys.good)).status).toBe(503);
    const ready = await httpRequest(fresh.adminPort, '/readyz');
    expect([ready.status, ready.json().code, typeof ready.json().syncError]).toEqual([503, 'NOT_SYNCED', 'string']);
    await w.portal.goOnline();
    await waitFor(() => fresh.cache.meta.revision === w.portal.revision, 'the first sync after the outage');
    expect((await callOn(fresh, w.world.keys.good)).status).toBe(200);
  });

  it('a restart on its cache while the portal moved on serves the cached state at once, then catches up by delta', async () => {
    w = await startSyncedWorld();
    await w.sidecar.stop();
    w.portal.push([deletion('key', 'key-good')]);
    await w.portal.goOffline();
    const restarted = await restart();
    expect((await callOn(restarted, w.world.keys.good)).status).toBe(200);
    await w.portal.goOnline();
    await waitFor(() => restarted.cache.meta.revision === w.portal.revision, 'catching up');
    expect(JSON.parse(w.portal.sent.at(-1)?.bytes.toString('utf8') ?? '{}')).toMatchObject({ mode: 'delta', since: 1 });
    expect((await callOn(restarted, w.world.keys.good)).status).toBe(401);
  });
});
