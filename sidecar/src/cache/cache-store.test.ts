import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateApiKey, hashApiKey } from '../contract/key-format';
import type { SyncChange, SyncResponse } from '../contract/sync';
import { deletion, key, route, subscription, tier } from '../test-support/fixtures';
import { tempDir } from '../test-support/harness';
import { openCache, type SidecarCache } from './cache-store';

const answer = (mode: SyncResponse['mode'], revision: number, since: number, changes: SyncChange[], environment = 'default'): SyncResponse => ({
  protocol: 1,
  environment,
  revision,
  mode,
  since,
  settings: { corsOrigins: ['http://portal.test'] },
  changes,
});

describe('sidecar cache', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  let cache: SidecarCache;
  let now = 1_000;
  const k1 = generateApiKey();
  const k2 = generateApiKey();

  beforeEach(() => {
    now = 1_000;
    dir = tempDir();
    path = join(dir.path, 'nested', 'cache.db');
    cache = openCache(path, () => now);
  });
  afterEach(() => {
    cache.close();
    dir.remove();
  });

  it('a snapshot fills the cache, its index and the sync meta', () => {
    const outcome = cache.applySync(answer('snapshot', 5, 0, [route('pets', '/pets/v1', 'http://up/api'), key(k1, 'app-1'), subscription('app-1', 'pets'), tier()]));
    expect(outcome).toEqual({ applied: true, mode: 'snapshot', revision: 5, changes: 4 });
    expect(cache.meta).toEqual({ environment: 'default', revision: 5, lastSyncAt: 1_000 });
    expect(cache.index.keyByHash(hashApiKey(k1))?.appId).toBe('app-1');
    expect(cache.index.subscription('app-1', 'pets')?.status).toBe('active');
    expect(cache.index.routeByContext('/pets/v1')?.upstream).toMatchObject({ hostname: 'up', port: 80, basePath: '/api' });
    expect(cache.index.tier('gold')?.name).toBe('Gold');
    expect(cache.index.corsOrigins.has('http://portal.test')).toBe(true);
  });

  it('a snapshot replaces everything that was there', () => {
    cache.applySync(answer('snapshot', 1, 0, [key(k1, 'app-1', null, 'a'), route('pets', '/pets/v1', 'http://up')]));
    cache.applySync(answer('snapshot', 2, 0, [key(k2, 'app-2', null, 'b')]));
    expect(cache.index.keyByHash(hashApiKey(k1))).toBeUndefined();
    expect(cache.index.keyByHash(hashApiKey(k2))).toBeDefined();
    expect(cache.index.counts()).toEqual({ routes: 0, keys: 1, subscriptions: 0, tiers: 0 });
  });

  it('a delta upserts and deletes by (kind, id)', () => {
    cache.applySync(answer('snapshot', 1, 0, [key(k1, 'app-1', null, 'a'), route('pets', '/pets/v1', 'http://up')]));
    const outcome = cache.applySync(answer('delta', 2, 1, [deletion('key', 'a'), key(k2, 'app-2', null, 'b'), route('pets', '/pets/v2', 'http://up2')]));
    expect(outcome).toMatchObject({ applied: true, mode: 'delta', revision: 2 });
    expect(cache.index.keyByHash(hashApiKey(k1))).toBeUndefined();
    expect(cache.index.keyByHash(hashApiKey(k2))?.appId).toBe('app-2');
    expect(cache.index.routeByContext('/pets/v1')).toBeUndefined();
    expect(cache.index.routeByContext('/pets/v2')?.route.upstreamUrl).toBe('http://up2');
  });

  it('an answer with no changes still counts as a successful sync', () => {
    cache.applySync(answer('snapshot', 3, 0, [key(k1, 'app-1')]));
    now = 9_000;
    expect(cache.applySync(answer('delta', 3, 3, []))).toMatchObject({ applied: true, changes: 0 });
    expect(cache.meta.lastSyncAt).toBe(9_000);
  });

  it('an older revision is rejected and the state kept (a rollback would revive revoked keys)', () => {
    cache.applySync(answer('snapshot', 7, 0, [key(k1, 'app-1')]));
    expect(cache.applySync(answer('snapshot', 6, 0, [key(k2, 'app-2')]))).toEqual({ applied: false, reason: 'OLDER_REVISION' });
    expect(cache.meta.revision).toBe(7);
    expect(cache.index.keyByHash(hashApiKey(k1))).toBeDefined();
  });

  it('a payload for another environment is rejected', () => {
    cache.applySync(answer('snapshot', 1, 0, [key(k1, 'app-1')]));
    expect(cache.applySync(answer('snapshot', 2, 0, [key(k2, 'app-2')], 'prod'))).toEqual({ applied: false, reason: 'OTHER_ENVIRONMENT' });
    expect(cache.meta.environment).toBe('default');
  });

  it('an empty snapshot cannot wipe a non-empty cache', () => {
    cache.applySync(answer('snapshot', 1, 0, [key(k1, 'app-1')]));
    expect(cache.applySync(answer('snapshot', 2, 0, []))).toEqual({ applied: false, reason: 'EMPTY_SNAPSHOT' });
    expect(cache.index.counts().keys).toBe(1);
  });

  it('an empty snapshot is accepted by an empty cache (a new environment)', () => {
    expect(cache.applySync(answer('snapshot', 1, 0, []))).toMatchObject({ applied: true });
    expect(cache.meta.lastSyncAt).toBe(1_000);
  });

  it('a delta that starts after the cached revision is rejected (changes would be missing)', () => {
    cache.applySync(answer('snapshot', 1, 0, [key(k1, 'app-1')]));
    expect(cache.applySync(answer('delta', 5, 3, [key(k2, 'app-2')]))).toEqual({ applied: false, reason: 'DELTA_GAP' });
  });

  it('state survives a reopen: index and meta are loaded from the file', () => {
    cache.applySync(answer('snapshot', 4, 0, [route('pets', '/pets/v1', 'http://up'), key(k1, 'app-1'), subscription('app-1', 'pets')]));
    cache.applySync(answer('delta', 5, 4, [key(k2, 'app-2', null, 'b')]));
    cache.close();
    cache = openCache(path, () => now);
    expect(cache.meta).toEqual({ environment: 'default', revision: 5, lastSyncAt: 1_000 });
    expect(cache.index.counts()).toEqual({ routes: 1, keys: 2, subscriptions: 1, tiers: 0 });
    expect(cache.index.corsOrigins.has('http://portal.test')).toBe(true);
  });

  it('a rejected write leaves the file unchanged too', () => {
    cache.applySync(answer('snapshot', 2, 0, [key(k1, 'app-1')]));
    cache.applySync(answer('snapshot', 1, 0, [key(k2, 'app-2')]));
    cache.close();
    cache = openCache(path, () => now);
    expect(cache.meta.revision).toBe(2);
    expect(cache.index.keyByHash(hashApiKey(k2))).toBeUndefined();
  });
});
