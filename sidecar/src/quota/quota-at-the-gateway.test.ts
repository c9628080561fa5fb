import { describe, expect, it } from 'vitest';
import type { SyncChange } from '../contract/sync';
import { startTestSidecar } from '../test-support/harness';
import { httpRequest } from '../test-support/http-client';
import { useTestWorld } from '../test-support/use-test-world';
import { testClock, waitFor } from '../test-support/wait-for';

const t = useTestWorld();
// An hour before the month ends, so Retry-After has one right answer.
const clock = testClock(Date.UTC(2030, 0, 31, 23, 0, 0));

const goldWithQuota = (monthlyQuota: number): SyncChange => ({
  kind: 'tier',
  id: 'gold',
  data: {
    tierId: 'gold',
    name: 'Gold',
    requestsPerMinute: 60_000,
    burst: 1_000,
    monthlyQuota,
  },
});

async function start(monthlyQuota: number) {
  t.portal.push([goldWithQuota(monthlyQuota)]);
  const sidecar = await startTestSidecar(t.portal.url, `${t.dir.path}/cache.db`, ['--analytics-flush-ms', '20'], { now: clock.now });
  t.running.push(sidecar);
  await waitFor(() => sidecar.cache.meta.revision === t.portal.revision, 'the first sync');
  return sidecar;
}

const call = (port: number) =>
  httpRequest(port, '/pets/v1/items', {
    headers: { 'x-api-key': t.world.keys.good },
  });

describe('monthly quota at the gateway', () => {
  it('admits exactly the quota under 300 concurrent requests, then refuses until the month ends', async () => {
    const sidecar = await start(100);
    const answers = await Promise.all(Array.from({ length: 300 }, () => call(sidecar.dataPort)));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(100);
    expect(t.upstream.requests).toHaveLength(100);
    const refused = answers.find((a) => a.status === 429);
    expect(refused?.json()).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      retryAfterSeconds: 3600,
    });
    expect(refused?.headers['retry-after']).toBe('3600');
    expect(refused?.headers['ratelimit-policy']).toBe('"gold";q=60000;w=60, "gold-monthly";q=100;w=2678400');
    expect(refused?.headers.ratelimit).toBe('"gold-monthly";r=0;t=3600');
    clock.advance(3_600_000);
    expect((await call(sidecar.dataPort)).status).toBe(200);
  });

  it('ships refused requests marked as such, so the cloud does not count them against the quota', async () => {
    const sidecar = await start(2);
    for (let i = 0; i < 3; i++) await call(sidecar.dataPort);
    await waitFor(() => t.portal.usage.size === 3, 'three events at the portal');
    const marks = [...t.portal.usage.values()].map((e) => e.refused ?? 'counted');
    expect(marks.filter((m) => m === 'counted')).toHaveLength(2);
    expect(marks.filter((m) => m === 'quota')).toHaveLength(1);
  });

  it('keeps counting across a restart while the cloud is unreachable', async () => {
    const first = await start(3);
    for (let i = 0; i < 3; i++) expect((await call(first.dataPort)).status).toBe(200);
    await first.stop();
    t.running.splice(0);
    await t.portal.goOffline();
    const second = await startTestSidecar(t.portal.url, `${t.dir.path}/cache.db`, [], { now: clock.now });
    t.running.push(second);
    expect((await call(second.dataPort)).json()).toMatchObject({
      code: 'QUOTA_EXCEEDED',
    });
  });

  it('adds what other gateways used, as the cloud reports with each acknowledgement', async () => {
    const sidecar = await start(10);
    t.portal.analytics.elsewhere.set('app-1 pets', 7);
    expect((await call(sidecar.dataPort)).status).toBe(200);
    await waitFor(() => sidecar.quotas?.used('app-1', 'pets').others === 7, "the cloud's count to arrive");
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(sidecar.dataPort)).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
  });
});
