import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSidecar } from '../sidecar';
import { type FakePortal, startFakePortal } from '../test-support/fake-portal';
import { type FakeUpstream, startFakeUpstream } from '../test-support/fake-upstream';
import { testWorld } from '../test-support/fixtures';
import { startTestSidecar, tempDir } from '../test-support/harness';
import { httpRequest } from '../test-support/http-client';
import { waitFor } from '../test-support/wait-for';

const PORTAL_ORIGIN = 'http://portal.test:3000';
let upstream: FakeUpstream;
let portal: FakePortal;
let sidecar: RunningSidecar;
let world: ReturnType<typeof testWorld>;
const dir = tempDir();

beforeAll(async () => {
  upstream = await startFakeUpstream();
  portal = await startFakePortal();
  world = testWorld(upstream.url, Date.UTC(2100, 0, 1));
  portal.push(world.changes, { corsOrigins: [PORTAL_ORIGIN] });
  sidecar = await startTestSidecar(portal.url, `${dir.path}/cache.db`);
  await waitFor(() => sidecar.cache.meta.revision === portal.revision, 'first sync');
});
afterAll(async () => {
  await sidecar.stop();
  await Promise.all([portal.close(), upstream.close()]);
  dir.remove();
});

describe('CORS for the portal try-it console', () => {
  it('a preflight from the synced portal origin is answered 204 with the key headers allowed', async () => {
    const answer = await httpRequest(sidecar.dataPort, '/pets/v1/pets', {
      method: 'OPTIONS',
      headers: { origin: PORTAL_ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-api-key' },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe(PORTAL_ORIGIN);
    expect(answer.headers['access-control-allow-methods']).toContain('GET');
    expect(answer.headers['access-control-allow-headers']).toMatch(/x-api-key.*authorization.*content-type/);
    expect(Number(answer.headers['access-control-max-age'])).toBeGreaterThan(0);
    expect(upstream.requests).toHaveLength(0);
  });

  it('an origin that is not synced gets no CORS headers', async () => {
    const answer = await httpRequest(sidecar.dataPort, '/pets/v1/pets', {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.test', 'access-control-request-method': 'GET' },
    });
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    expect(answer.status).toBe(401);
  });

  it('errors carry CORS headers too, so the console can show them', async () => {
    const answer = await httpRequest(sidecar.dataPort, '/pets/v1/pets', { headers: { origin: PORTAL_ORIGIN } });
    expect(answer.status).toBe(401);
    expect(answer.headers['access-control-allow-origin']).toBe(PORTAL_ORIGIN);
    expect(answer.headers['access-control-expose-headers']).toMatch(/RateLimit.*RateLimit-Policy.*Retry-After.*x-gatehouse-request-id.*content-type/);
    expect(answer.headers.vary).toBe('Origin');
  });

  it('proxied answers carry CORS headers and Vary: Origin', async () => {
    const answer = await httpRequest(sidecar.dataPort, '/pets/v1/pets', { headers: { origin: PORTAL_ORIGIN, 'x-api-key': world.keys.good } });
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe(PORTAL_ORIGIN);
    expect(answer.headers.vary).toContain('Origin');
  });
});
