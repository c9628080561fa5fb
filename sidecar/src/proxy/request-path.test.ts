import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../contract/key-format';
import type { RunningSidecar } from '../sidecar';
import { closedPortUrl } from '../test-support/closed-port';
import { startFakePortal, type FakePortal } from '../test-support/fake-portal';
import { type FakeUpstream, startFakeUpstream } from '../test-support/fake-upstream';
import { route, subscription, testWorld } from '../test-support/fixtures';
import { startTestSidecar, tempDir } from '../test-support/harness';
import { httpRequest } from '../test-support/http-client';
import { testClock, waitFor } from '../test-support/wait-for';

const clock = testClock(Date.UTC(2030, 0, 1));
const expiresAt = Date.UTC(2030, 0, 1, 1);
let upstream: FakeUpstream;
let portal: FakePortal;
let sidecar: RunningSidecar;
let world: ReturnType<typeof testWorld>;
const dir = tempDir();

beforeAll(async () => {
  upstream = await startFakeUpstream();
  portal = await startFakePortal();
  world = testWorld(upstream.url, expiresAt);
  portal.push([...world.changes, route('dead', '/dead/v1', await closedPortUrl()), subscription('app-1', 'dead')]);
  sidecar = await startTestSidecar(portal.url, `${dir.path}/cache.db`, ['--upstream-timeout-ms', '300'], { now: clock.now });
  await waitFor(() => sidecar.cache.meta.revision === portal.revision, 'first sync');
});
afterAll(async () => {
  await sidecar.stop();
  await Promise.all([portal.close(), upstream.close()]);
  dir.remove();
});

const get = (path: string, headers: Record<string, string> = {}) => httpRequest(sidecar.dataPort, path, { headers });

function expectProblem(answer: Awaited<ReturnType<typeof get>>, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toBe('application/problem+json');
  expect(answer.json()).toMatchObject({ status, code, type: expect.stringMatching(/^https:\/\//), title: expect.any(String) });
  if (status === 401) expect(answer.headers['www-authenticate']).toMatch(/^ApiKey realm="gatehouse"/);
}

describe('request path: proxied requests', () => {
  it('a valid key reaches the backend at the route upstream path, query kept, with the key stripped and identity added', async () => {
    const answer = await get('/pets/v1/pets/7?limit=2&q=a%20b', { 'x-api-key': world.keys.good, 'x-gatehouse-app-id': 'spoofed' });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ hello: 'from upstream', url: '/api/pets/7?limit=2&q=a%20b' });
    expect(answer.headers['x-upstream']).toBe('yes');
    const seen = upstream.requests.at(-1);
    expect(seen?.url).toBe('/api/pets/7?limit=2&q=a%20b');
    expect(seen?.headers['x-api-key']).toBeUndefined();
    expect(seen?.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen?.headers['x-forwarded-proto']).toBe('http');
    expect(seen?.headers['x-gatehouse-app-id']).toBe('app-1');
    expect(seen?.headers['x-gatehouse-api-id']).toBe('pets');
    expect(seen?.headers['x-gatehouse-request-id']).toBe(answer.headers['x-gatehouse-request-id']);
    expect(seen?.headers.host).toBe(`127.0.0.1:${upstream.port}`);
  });

  it('a key sent as Authorization: Bearer is accepted and not forwarded; hop-by-hop headers stay on their hop', async () => {
    const answer = await get('/pets/v1', { authorization: `Bearer ${world.keys.good}`, connection: 'x-hop, keep-alive', 'x-hop': '1', 'x-kept': '1' });
    expect(answer.status).toBe(200);
    const seen = upstream.requests.at(-1);
    expect(seen?.url).toBe('/api');
    expect(seen?.headers.authorization).toBeUndefined();
    expect(seen?.headers['x-hop']).toBeUndefined();
    expect(seen?.headers['x-kept']).toBe('1');
  });
});

describe('request path: refusals', () => {
  it('no key is 401 KEY_MISSING with a challenge', async () => expectProblem(await get('/pets/v1/pets'), 401, 'KEY_MISSING'));

  it('a malformed key is 401 KEY_INVALID', async () => {
    expectProblem(await get('/pets/v1/pets', { 'x-api-key': 'gk_not-a-key' }), 401, 'KEY_INVALID');
  });

  it('an unknown key is 401 KEY_INVALID', async () => {
    expectProblem(await get('/pets/v1/pets', { 'x-api-key': generateApiKey() }), 401, 'KEY_INVALID');
  });

  it('an expired key is 401 KEY_EXPIRED by the sidecar clock', async () => {
    expect((await get('/pets/v1/pets', { 'x-api-key': world.keys.expiring })).status).toBe(200);
    clock.advance(expiresAt - clock.now());
    expectProblem(await get('/pets/v1/pets', { 'x-api-key': world.keys.expiring }), 401, 'KEY_EXPIRED');
  });

  it('an application not subscribed to the API is 403 NOT_SUBSCRIBED', async () => {
    expectProblem(await get('/pets/v1/pets', { 'x-api-key': world.keys.unsubscribed }), 403, 'NOT_SUBSCRIBED');
  });

  it('a blocked subscription is 403', async () => {
    expectProblem(await get('/pets/v1/pets', { 'x-api-key': world.keys.blockedSub }), 403, 'SUBSCRIPTION_BLOCKED');
  });

  it('a blocked API is 403 API_BLOCKED even for a subscribed key', async () => {
    expectProblem(await get('/vault/v1/secrets', { 'x-api-key': world.keys.good }), 403, 'API_BLOCKED');
  });

  it('a path with no deployed API is 404 NO_ROUTE; contexts match whole segments only', async () => {
    expectProblem(await get('/nothing/here', { 'x-api-key': world.keys.good }), 404, 'NO_ROUTE');
    expectProblem(await get('/pets/v10/pets', { 'x-api-key': world.keys.good }), 404, 'NO_ROUTE');
  });

  it('dot segments cannot climb out of the upstream base path', async () => {
    expectProblem(await get('/pets/v1/../../vault/x', { 'x-api-key': world.keys.good }), 400, 'BAD_REQUEST_TARGET');
    expectProblem(await get('/pets/v1/%2e%2e/vault', { 'x-api-key': world.keys.good }), 400, 'BAD_REQUEST_TARGET');
  });
});

describe('request path: backend failures', () => {
  it('a backend refusing connections is 502 UPSTREAM_UNAVAILABLE', async () => {
    expectProblem(await get('/dead/v1/x', { 'x-api-key': world.keys.good }), 502, 'UPSTREAM_UNAVAILABLE');
  });

  it('a backend that does not answer within the configured timeout is 504 UPSTREAM_TIMEOUT', async () => {
    const before = upstream.openSockets();
    expectProblem(await get('/pets/v1/slow', { 'x-api-key': world.keys.good }), 504, 'UPSTREAM_TIMEOUT');
    await waitFor(() => upstream.openSockets() <= before, 'timed-out upstream socket to close');
  });

  it('the sidecar keeps serving after backend failures', async () => {
    expect((await get('/pets/v1/pets', { 'x-api-key': world.keys.good })).status).toBe(200);
  });
});
