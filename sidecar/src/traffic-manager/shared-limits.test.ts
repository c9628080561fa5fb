import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { httpRequest } from '../test-support/http-client';
import { metricValue } from '../test-support/metric-value';
import { useTestWorld } from '../test-support/use-test-world';
import { testClock } from '../test-support/wait-for';
import { count, goldTier, spread, startReplicas } from './replicas';
import { dropPrefix, redisAnswers, TEST_REDIS_URL, uniquePrefix } from './test-redis';

const available = await redisAnswers();
if (!available) console.warn(`SKIPPED: the traffic-manager tests need a Redis at ${TEST_REDIS_URL} (set GATEHOUSE_TEST_REDIS_URL); none answered`);

describe.skipIf(!available)('sidecar replicas sharing limits through Redis', () => {
  const t = useTestWorld();
  const prefixes: string[] = [];
  let prefix = '';
  afterEach(() => {
    prefixes.push(prefix);
  });
  afterAll(async () => {
    await Promise.all(prefixes.map((p) => dropPrefix(p)));
  });
  // The server clock frozen for the decision, as the local limiter tests freeze theirs: at 100 per minute one more
  // request is due every 600 ms, and the run must not depend on how fast this machine is.
  const options = () => {
    prefix = uniquePrefix();
    return { redisKeyPrefix: prefix, redisCommandTimeoutMs: 2_000, sharedLimitClock: testClock(Date.UTC(2030, 0, 15)).now, now: testClock(Date.UTC(2030, 0, 15)).now };
  };

  it('1,000 concurrent requests over 3 replicas on a 100/min subscription admit exactly 100', async () => {
    t.portal.push([goldTier(100, 100)]);
    const replicas = await startReplicas(t, 3, TEST_REDIS_URL, options());
    const statuses = await spread(replicas, t.world.keys.good, 1000);
    expect(count(statuses, 200)).toBe(100);
    expect(count(statuses, 429)).toBe(900);
    expect(t.upstream.requests).toHaveLength(100);
    let fromRedis = 0;
    for (const r of replicas) fromRedis += await metricValue(r.metrics, 'gatehouse_traffic_manager_decisions_total', { source: 'redis' });
    expect(fromRedis).toBe(1000);
  });

  it('1,000 concurrent requests over 3 replicas on a quota of 100 admit exactly 100, refused with QUOTA_EXCEEDED', async () => {
    t.portal.push([goldTier(60_000, 1_000, 100)]);
    const replicas = await startReplicas(t, 3, TEST_REDIS_URL, options());
    const statuses = await spread(replicas, t.world.keys.good, 1000);
    expect(count(statuses, 200)).toBe(100);
    expect(t.upstream.requests).toHaveLength(100);
    const refused = await httpRequest((replicas[1] as (typeof replicas)[number]).dataPort, '/pets/v1/items', { headers: { 'x-api-key': t.world.keys.good } });
    expect(refused.status).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'QUOTA_EXCEEDED' });
    expect(refused.headers.ratelimit).toBe('"gold-monthly";r=0;t=1468800');
    // Each replica counted what it admitted itself: that is what it adds back if Redis loses its data.
    const own = replicas.map((r) => r.quotas?.used('app-1', 'pets').local ?? 0);
    expect(own.reduce((a, b) => a + b, 0)).toBe(100);
    // The shared count lives until a day after its month ends, then Redis forgets it by itself.
    const redis = new Redis(TEST_REDIS_URL);
    try {
      const keys = await redis.keys(`${prefix}:*:quota:2030-01`);
      expect(keys).toHaveLength(1);
      expect(await redis.pexpiretime(keys[0] as string)).toBe(Date.UTC(2030, 1, 2));
      expect(await redis.hget(keys[0] as string, 'total')).toBe('100');
    } finally {
      redis.disconnect();
    }
  });

  it('a request refused by the rate takes nothing from the quota, and one refused by the quota takes no rate token', async () => {
    t.portal.push([goldTier(2, 2, 3)]);
    const replicas = await startReplicas(t, 3, TEST_REDIS_URL, options());
    const [a, b, c] = replicas.map((r) => () => httpRequest(r.dataPort, '/pets/v1/items', { headers: { 'x-api-key': t.world.keys.good } }));
    if (!a || !b || !c) throw new Error('three replicas');
    expect((await a()).status).toBe(200);
    expect((await b()).status).toBe(200);
    const overRate = await c();
    expect(overRate.json()).toMatchObject({ code: 'RATE_LIMITED' });
    // Two of three quota requests used: the refused one was not counted.
    expect(overRate.headers['ratelimit-policy']).toBe('"gold";q=2;w=60, "gold-monthly";q=3;w=2678400');
    const own = replicas.map((r) => r.quotas?.used('app-1', 'pets').local ?? 0);
    expect(own).toEqual([1, 1, 0]);
  });

  it('decides on the Redis server clock, so replicas whose own clocks disagree by a year still share one limit', async () => {
    // 1 per minute with a burst of 5: had each replica decided on its own clock, the one a year ahead would find
    // the other's counter long expired and admit 5 more.
    t.portal.push([goldTier(1, 5)]);
    prefix = uniquePrefix();
    const clocks = [testClock(Date.UTC(2030, 0, 1)), testClock(Date.UTC(2031, 0, 1))];
    const replicas = await startReplicas(t, 2, TEST_REDIS_URL, (i) => ({ redisKeyPrefix: prefix, redisCommandTimeoutMs: 2_000, now: clocks[i]?.now }));
    const statuses = await spread(replicas, t.world.keys.good, 20);
    expect(count(statuses, 200)).toBe(5);
  });

  it('shows the shared state on /readyz and in metrics', async () => {
    t.portal.push([goldTier(100, 100)]);
    const [replica] = await startReplicas(t, 1, TEST_REDIS_URL, options());
    if (!replica) throw new Error('one replica');
    const ready = await httpRequest(replica.adminPort, '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.json().trafficManager).toMatchObject({ mode: 'redis', lastError: null, fallbacks: 0 });
    expect(await metricValue(replica.metrics, 'gatehouse_traffic_manager_up')).toBe(1);
  });
});
