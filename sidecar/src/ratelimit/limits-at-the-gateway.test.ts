import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateApiKey } from '../contract/key-format';
import type { RunningSidecar } from '../sidecar';
import { type FakePortal, startFakePortal } from '../test-support/fake-portal';
import { type FakeUpstream, startFakeUpstream } from '../test-support/fake-upstream';
import { key, testWorld } from '../test-support/fixtures';
import { startTestSidecar, tempDir } from '../test-support/harness';
import { httpRequest } from '../test-support/http-client';
import { testClock, waitFor } from '../test-support/wait-for';

let upstream: FakeUpstream;
let portal: FakePortal;
let dir: ReturnType<typeof tempDir>;
let world: ReturnType<typeof testWorld>;
let sidecar: RunningSidecar;
const clock = testClock();

const goldTier = (requestsPerMinute: number, burst: number) =>
  ({ kind: 'tier', id: 'gold', data: { tierId: 'gold', name: 'Gold', requestsPerMinute, burst, monthlyQuota: null } }) as const;

beforeEach(async () => {
  dir = tempDir();
  upstream = await startFakeUpstream();
  portal = await startFakePortal();
  world = testWorld(upstream.url, Date.UTC(2100, 0, 1));
  portal.push([...world.changes, goldTier(100, 100)]);
  sidecar = await startTestSidecar(portal.url, `${dir.path}/cache.db`, [], { now: clock.now });
  await waitFor(() => sidecar.cache.meta.revision === portal.revision, 'the first sync');
});
afterEach(async () => {
  await sidecar.stop();
  await Promise.all([portal.close(), upstream.close()]);
  dir.remove();
});

const call = (apiKey: string) => httpRequest(sidecar.dataPort, '/pets/v1/items', { headers: { 'x-api-key': apiKey } });

describe('tier rate limits at the gateway', () => {
  it('1,000 concurrent requests on one subscription limited to 100 per minute admit exactly 100', async () => {
    const answers = await Promise.all(Array.from({ length: 1000 }, () => call(world.keys.good)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(100);
    expect(statuses.filter((s) => s === 429)).toHaveLength(900);
    expect(upstream.requests).toHaveLength(100);
  });

  it('answers 429 with Retry-After and RateLimit headers, and RateLimit headers on every admitted response', async () => {
    const first = await call(world.keys.good);
    expect(first.headers['ratelimit-policy']).toBe('"gold";q=100;w=60');
    expect(first.headers.ratelimit).toBe('"gold";r=99;t=1');
    for (let i = 0; i < 99; i++) await call(world.keys.good);
    const refused = await call(world.keys.good);
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.headers.ratelimit).toBe('"gold";r=0;t=1');
    clock.advance(600);
    expect((await call(world.keys.good)).status).toBe(200);
  });

  it('counts per subscription, so a second key of the same application shares the allowance', async () => {
    const second = generateApiKey();
    portal.push([key(second, 'app-1', null, 'key-second'), goldTier(2, 2)]);
    await waitFor(() => sidecar.cache.meta.revision === portal.revision, 'the sync');
    expect((await call(world.keys.good)).status).toBe(200);
    expect((await call(second)).status).toBe(200);
    expect((await call(second)).status).toBe(429);
    expect((await call(world.keys.good)).status).toBe(429);
  });

  it('applies a limit changed in the portal on the next request after the sync', async () => {
    portal.push([goldTier(1, 1)]);
    await waitFor(() => sidecar.cache.meta.revision === portal.revision, 'the sync');
    expect((await call(world.keys.good)).status).toBe(200);
    expect((await call(world.keys.good)).status).toBe(429);
    portal.push([goldTier(1000, 1000)]);
    await waitFor(() => sidecar.cache.meta.revision === portal.revision, 'the sync');
    expect((await call(world.keys.good)).status).toBe(200);
  });

  it('limits failed authentication per client address without touching any subscription counter', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 70; i++) statuses.push((await call(`gk_${'x'.repeat(38)}`)).status);
    expect(statuses.slice(0, 60).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(60).every((s) => s === 429)).toBe(true);
    expect((await call(world.keys.good)).status).toBe(200);
  });
});
