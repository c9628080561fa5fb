import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSidecar } from '../sidecar';
import { httpRequest } from '../test-support/http-client';
import { metricValue } from '../test-support/metric-value';
import { useTestWorld } from '../test-support/use-test-world';
import { testClock, waitFor } from '../test-support/wait-for';
import { count, goldTier, spread, startReplicas } from './replicas';
import { dropPrefix, redisAnswers, startRedisRelay, TEST_REDIS_URL, uniquePrefix } from './test-redis';

const available = await redisAnswers();
if (!available) console.warn(`SKIPPED: the traffic-manager fallback tests need a Redis at ${TEST_REDIS_URL} (set GATEHOUSE_TEST_REDIS_URL); none answered`);

const modes = (replicas: readonly RunningSidecar[]) => replicas.map((r) => r.trafficManager?.state().mode);

describe.skipIf(!available)('traffic manager: local fallback when Redis is lost, and the way back', () => {
  const t = useTestWorld();
  let relay: Awaited<ReturnType<typeof startRedisRelay>>;
  let prefix = '';

  // Frozen clocks, local and server, so the counts below have one right answer on any machine.
  // A generous command timeout, but in the test about timeouts: on this shared machine an event-loop stall can
  // outlast 100 ms and would move a replica to its fallback in the middle of a count.
  async function replicasBehindRelay(tier: ReturnType<typeof goldTier>, redisCommandTimeoutMs = 2_000) {
    t.portal.push([tier]);
    relay = await startRedisRelay();
    prefix = uniquePrefix();
    const options = { redisKeyPrefix: prefix, now: testClock(Date.UTC(2030, 0, 15)).now, sharedLimitClock: testClock(Date.UTC(2030, 0, 15)).now, redisProbeIntervalMs: 20, redisCommandTimeoutMs };
    const replicas = await startReplicas(t, 3, relay.url, options);
    expect(modes(replicas)).toEqual(['redis', 'redis', 'redis']);
    return replicas;
  }
  afterEach(async () => {
    await Promise.all(t.running.splice(0).map((s) => s.stop()));
    await relay.close();
    await dropPrefix(prefix);
  });

  it('falls back within one request when Redis refuses, admits at most replicas x limit, says so, and shares again once Redis is back', async () => {
    const replicas = await replicasBehindRelay(goldTier(10, 10));
    expect(count(await spread(replicas, t.world.keys.good, 60), 200)).toBe(10);

    relay.refuse();
    // No wait for the sidecars to notice: the very requests that meet the lost connection are decided locally.
    const onFallback = await spread(replicas, t.world.keys.good, 60);
    expect(count(onFallback, 200) + count(onFallback, 429)).toBe(60);
    expect(count(onFallback, 200)).toBe(3 * 10);
    expect(modes(replicas)).toEqual(['fallback', 'fallback', 'fallback']);
    const replica = replicas[0] as RunningSidecar;
    const ready = await httpRequest(replica.adminPort, '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.json().trafficManager).toMatchObject({ mode: 'fallback', fallbacks: 1 });
    expect(ready.json().trafficManager).toHaveProperty('lastError', expect.any(String));
    expect(await metricValue(replica.metrics, 'gatehouse_traffic_manager_up')).toBe(0);
    expect(await metricValue(replica.metrics, 'gatehouse_traffic_manager_fallbacks_total')).toBe(1);
    expect(await metricValue(replica.metrics, 'gatehouse_traffic_manager_decisions_total', { source: 'local' })).toBe(20);

    relay.restore();
    await waitFor(() => modes(replicas).every((m) => m === 'redis'), 'every replica back on Redis');
    expect((await httpRequest(replica.adminPort, '/readyz')).json().trafficManager).toMatchObject({ mode: 'redis', lastError: null });
    expect(await metricValue(replica.metrics, 'gatehouse_traffic_manager_up')).toBe(1);
    // The shared counter still holds the 10 admitted before the loss (the server clock is frozen): nothing more.
    expect(count(await spread(replicas, t.world.keys.good, 30), 200)).toBe(0);
    expect(await metricValue(replica.metrics, 'gatehouse_traffic_manager_decisions_total', { source: 'redis' })).toBe(20 + 10);
  });

  it('a Redis that hangs costs the request in hand one command timeout, then the replica decides locally', async () => {
    const replicas = await replicasBehindRelay(goldTier(10, 10), 100);
    const replica = replicas[0] as RunningSidecar;
    relay.stall();
    const answer = await httpRequest(replica.dataPort, '/pets/v1/items', { headers: { 'x-api-key': t.world.keys.good } });
    expect(answer.status).toBe(200);
    expect(replica.trafficManager?.state()).toMatchObject({ mode: 'fallback', lastError: 'Command timed out' });
    relay.restore();
    await waitFor(() => replica.trafficManager?.state().mode === 'redis', 'back on Redis');
  });

  it('adds the quota each replica counted on its fallback to the shared count when Redis returns', async () => {
    const replicas = await replicasBehindRelay(goldTier(60_000, 1_000, 30));
    expect(count(await spread(replicas, t.world.keys.good, 9), 200)).toBe(9);
    relay.refuse();
    expect(count(await spread(replicas, t.world.keys.good, 9), 200)).toBe(9);
    expect(modes(replicas)).toEqual(['fallback', 'fallback', 'fallback']);
    relay.restore();
    await waitFor(() => modes(replicas).every((m) => m === 'redis'), 'every replica back on Redis');
    // 18 of 30 used, 9 of them while Redis was away: exactly 12 more across the three.
    const after = await spread(replicas, t.world.keys.good, 100);
    expect(count(after, 200)).toBe(12);
    expect(t.upstream.requests).toHaveLength(30);
  });
});
