import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestSidecar } from '../test-support/harness';
import { useTestWorld } from '../test-support/use-test-world';
import { testClock, waitFor } from '../test-support/wait-for';
import { count, goldTier, spread } from './replicas';
import { dropPrefix, redisAnswers, TEST_REDIS_URL, uniquePrefix } from './test-redis';

const available = await redisAnswers();
if (!available) console.warn(`SKIPPED: the traffic-manager quota test needs a Redis at ${TEST_REDIS_URL} (set GATEHOUSE_TEST_REDIS_URL); none answered`);

describe.skipIf(!available)('traffic manager: quota used by other gateways', () => {
  const t = useTestWorld();
  const prefix = uniquePrefix();
  // The sidecar first: its last acknowledgement at shutdown would write the other gateways' count again.
  afterEach(async () => {
    await Promise.all(t.running.splice(0).map((s) => s.stop()));
    await dropPrefix(prefix);
  });

  it("adds what the cloud says other gateways used to the shared count, from the analytics acknowledgements", async () => {
    t.portal.push([goldTier(60_000, 1_000, 100)]);
    t.portal.analytics.elsewhere.set('app-1 pets', 95);
    const clock = testClock(Date.UTC(2030, 0, 15));
    const sidecar = await startTestSidecar(t.portal.url, `${t.dir.path}/cache.db`, ['--redis-url', TEST_REDIS_URL, '--analytics-flush-ms', '20'], {
      redisKeyPrefix: prefix,
      redisCommandTimeoutMs: 2_000,
      now: clock.now,
      sharedLimitClock: clock.now,
    });
    t.running.push(sidecar);
    await waitFor(() => sidecar.cache.meta.revision === t.portal.revision, 'the first sync');
    expect(count(await spread([sidecar], t.world.keys.good, 1), 200)).toBe(1);

    // The acknowledgement says 96 used fleet-wide; Redis counted 1 here, so other gateways used 95.
    const redis = new Redis(TEST_REDIS_URL);
    try {
      const [quotaKey] = await redis.keys(`${prefix}:*:quota:2030-01`);
      if (!quotaKey) throw new Error('no quota key in Redis');
      await waitFor(async () => (await redis.hget(quotaKey, 'outside')) === '95', 'the other gateways\' count in Redis');
    } finally {
      redis.disconnect();
    }
    expect(count(await spread([sidecar], t.world.keys.good, 20), 200)).toBe(4);
  });
});
