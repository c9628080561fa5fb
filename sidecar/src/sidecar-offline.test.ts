import { describe, expect, it } from 'vitest';
import { closedPortUrl } from './test-support/closed-port';
import { startFakePortal } from './test-support/fake-portal';
import { startTestSidecar } from './test-support/harness';
import { httpRequest } from './test-support/http-client';
import { useTestWorld } from './test-support/use-test-world';
import { testClock, waitFor } from './test-support/wait-for';

const t = useTestWorld();

async function start(portalUrl: string, args: string[] = [], now?: () => number) {
  const sidecar = await startTestSidecar(portalUrl, `${t.dir.path}/cache.db`, args, now ? { now } : {});
  t.running.push(sidecar);
  return sidecar;
}

const code = (answer: { json: () => Record<string, unknown> }) => answer.json().code;

describe('offline policy', () => {
  it('with nothing ever synced, every proxied request is 503 (never 404-for-all) and readiness is 503', async () => {
    const sidecar = await start(await closedPortUrl());
    await waitFor(() => sidecar.sync.state.consecutiveFailures > 0, 'a failed sync');
    for (const path of ['/pets/v1/pets', '/no/such/api', '/']) {
      const answer = await httpRequest(sidecar.dataPort, path, { headers: { 'x-api-key': t.world.keys.good } });
      expect(answer.status).toBe(503);
      expect(code(answer)).toBe('NOT_SYNCED');
    }
    const ready = await httpRequest(sidecar.adminPort, '/readyz');
    expect([ready.status, code(ready)]).toEqual([503, 'NOT_SYNCED']);
    expect((await httpRequest(sidecar.adminPort, '/healthz')).status).toBe(200);
  });

  it('restart with a cache file and the portal unreachable serves 200 immediately', async () => {
    const first = await start(t.portal.url);
    await waitFor(() => first.cache.meta.revision === t.portal.revision, 'first sync');
    await first.stop();
    await t.portal.close();

    const restarted = await start(await closedPortUrl());
    const answer = await httpRequest(restarted.dataPort, '/pets/v1/pets', { headers: { 'x-api-key': t.world.keys.good } });
    expect(answer.status).toBe(200);
    const ready = await httpRequest(restarted.adminPort, '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', revision: 1, environment: 'default', keys: 4, routes: 2 });
    t.portal = await startFakePortal(); // afterEach closes it
  });

  it('past the operator maximum staleness, proxied requests and readiness are 503 STALE', async () => {
    const clock = testClock();
    const sidecar = await start(t.portal.url, ['--max-staleness-s', '60'], clock.now);
    await waitFor(() => sidecar.cache.meta.revision === t.portal.revision, 'first sync');
    await t.portal.close();
    await waitFor(() => sidecar.sync.state.consecutiveFailures > 0, 'the portal to be unreachable');
    const call = () => httpRequest(sidecar.dataPort, '/pets/v1/pets', { headers: { 'x-api-key': t.world.keys.good } });

    clock.advance(60_000);
    expect((await call()).status).toBe(200);
    clock.advance(1_000);
    const stale = await call();
    expect([stale.status, code(stale)]).toEqual([503, 'STALE']);
    const ready = await httpRequest(sidecar.adminPort, '/readyz');
    expect([ready.status, code(ready), ready.json().stalenessSeconds]).toEqual([503, 'STALE', 61]);
    t.portal = await startFakePortal();
  });

  it('without a maximum staleness, an unreachable portal never stops service', async () => {
    const clock = testClock();
    const sidecar = await start(t.portal.url, [], clock.now);
    await waitFor(() => sidecar.cache.meta.revision === t.portal.revision, 'first sync');
    await t.portal.close();
    clock.advance(30 * 24 * 3600_000);
    const answer = await httpRequest(sidecar.dataPort, '/pets/v1/pets', { headers: { 'x-api-key': t.world.keys.good } });
    expect(answer.status).toBe(200);
    expect((await httpRequest(sidecar.adminPort, '/readyz')).json().stalenessSeconds).toBe(30 * 24 * 3600);
    t.portal = await startFakePortal();
  });
});
