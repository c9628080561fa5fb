import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config';
import { pinnedPublicKey } from '../contract/signature';
import { startTestSidecar } from '../test-support/harness';
import { httpRequest } from '../test-support/http-client';
import { useTestWorld } from '../test-support/use-test-world';
import { waitFor } from '../test-support/wait-for';

const pinned = pinnedPublicKey(generateKeyPairSync('ed25519').publicKey);
const required = ['--portal-url', 'https://portal.example.com/', '--token', 'gwt_abcdefghijkl', '--portal-public-key', pinned];

describe('--redis-url', () => {
  it('accepts redis:// and rediss:// from the flag or GATEHOUSE_REDIS_URL', () => {
    const fromFlag = parseConfig([...required, '--redis-url', 'rediss://user:secret@redis.internal:6380/2'], {});
    expect(fromFlag.kind === 'config' && fromFlag.config.redisUrl).toBe('rediss://user:secret@redis.internal:6380/2');
    const fromEnv = parseConfig(required, { GATEHOUSE_REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(fromEnv.kind === 'config' && fromEnv.config.redisUrl).toBe('redis://127.0.0.1:6379');
  });

  it('refuses another scheme without echoing the value, which may hold a password', () => {
    const result = parseConfig([...required, '--redis-url', 'http://user:hunter2@redis.internal'], {});
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    expect(result.problems).toEqual(['--redis-url (GATEHOUSE_REDIS_URL): must be a redis:// or rediss:// URL']);
    expect(result.problems.join()).not.toContain('hunter2');
  });

  it('is off by default', () => {
    const result = parseConfig(required, {});
    expect(result.kind === 'config' && result.config.redisUrl).toBeUndefined();
  });
});

describe('without --redis-url nothing changes', () => {
  const t = useTestWorld();

  it('has no traffic manager, no traffic-manager field on /readyz and no traffic-manager metrics', async () => {
    const sidecar = await startTestSidecar(t.portal.url, `${t.dir.path}/cache.db`);
    t.running.push(sidecar);
    await waitFor(() => sidecar.cache.meta.revision === t.portal.revision, 'the first sync');
    expect(sidecar.trafficManager).toBeNull();
    const ready = await httpRequest(sidecar.adminPort, '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.json()).not.toHaveProperty('trafficManager');
    expect(await sidecar.metrics.registry.metrics()).not.toContain('gatehouse_traffic_manager');
  });
});
