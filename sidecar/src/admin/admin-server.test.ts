import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSidecar } from '../sidecar';
import { type FakePortal, startFakePortal } from '../test-support/fake-portal';
import { type FakeUpstream, startFakeUpstream } from '../test-support/fake-upstream';
import { testWorld } from '../test-support/fixtures';
import { startTestSidecar, tempDir } from '../test-support/harness';
import { httpRequest } from '../test-support/http-client';
import { waitFor } from '../test-support/wait-for';

let upstream: FakeUpstream;
let portal: FakePortal;
let sidecar: RunningSidecar;
let world: ReturnType<typeof testWorld>;
const dir = tempDir();

beforeAll(async () => {
  upstream = await startFakeUpstream();
  portal = await startFakePortal('staging');
  world = testWorld(upstream.url, Date.UTC(2100, 0, 1));
  portal.push(world.changes);
  sidecar = await startTestSidecar(portal.url, `${dir.path}/cache.db`);
  await waitFor(() => sidecar.cache.meta.revision === portal.revision, 'first sync');
});
afterAll(async () => {
  await sidecar.stop();
  await Promise.all([portal.close(), upstream.close()]);
  dir.remove();
});

describe('admin port', () => {
  it('liveness answers 200 while the process runs', async () => {
    expect((await httpRequest(sidecar.adminPort, '/healthz')).status).toBe(200);
  });

  it('readiness reports the applied state when synced', async () => {
    const answer = await httpRequest(sidecar.adminPort, '/readyz');
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ status: 'ready', revision: 1, environment: 'staging', stalenessSeconds: 0, keys: 4, routes: 2, syncError: null });
  });

  it('metrics expose requests by outcome, sync health, cache sizes and process metrics', async () => {
    await httpRequest(sidecar.dataPort, '/pets/v1/pets', { headers: { 'x-api-key': world.keys.good } });
    await httpRequest(sidecar.dataPort, '/pets/v1/pets');
    const answer = await httpRequest(sidecar.adminPort, '/metrics');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toContain('text/plain');
    const text = answer.body;
    expect(text).toContain('gatehouse_requests_total{outcome="proxied",status_class="2xx"} 1');
    expect(text).toContain('gatehouse_requests_total{outcome="KEY_MISSING",status_class="4xx"} 1');
    expect(text).toMatch(/gatehouse_sync_attempts_total [1-9]/);
    expect(text).toContain('gatehouse_sync_revision 1');
    expect(text).toMatch(/gatehouse_sync_staleness_seconds \d/);
    expect(text).toContain('gatehouse_cache_entities{kind="keys"} 4');
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('unknown admin paths are 404 problems', async () => {
    const answer = await httpRequest(sidecar.adminPort, '/nope');
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toBe('application/problem+json');
  });
});
