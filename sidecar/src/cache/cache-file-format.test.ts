import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateApiKey, hashApiKey } from '../contract/key-format';
import type { SyncChange, SyncResponse } from '../contract/sync';
import { deletion, key, route } from '../test-support/fixtures';
import { tempDir } from '../test-support/harness';
import { openCache } from './cache-store';

const answer = (mode: SyncResponse['mode'], revision: number, changes: SyncChange[]): SyncResponse => ({
  protocol: 1,
  environment: 'default',
  revision,
  mode,
  since: mode === 'snapshot' ? 0 : revision - 1,
  settings: { corsOrigins: [] },
  changes,
});

/** A key synced the portal's way: its sync id is its own hash. */
const byHash = (plaintext: string, appId: string): SyncChange => {
  const hash = hashApiKey(plaintext);
  return { kind: 'key', id: hash, data: { hash, keyId: `key-${appId}`, appId, expiresAt: 42 } };
};

describe('cache file format', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = join(dir.path, 'cache.db');
  });
  afterEach(() => dir.remove());

  const reopen = () => openCache(path, () => 1_000);

  it('keys under their hash and under other ids, upserted and deleted, load back exactly as they were served', () => {
    const [k1, k2, k3, k4] = [generateApiKey(), generateApiKey(), generateApiKey(), generateApiKey()];
    let cache = reopen();
    cache.applySync(answer('snapshot', 1, [byHash(k1, 'app-1'), byHash(k2, 'app-2'), key(k3, 'app-3', null, 'key-3')]));
    // A rotation under the same other id, a deletion by hash, and a hash re-synced under an other id (the newer wins).
    cache.applySync(answer('delta', 2, [key(k4, 'app-3', 7, 'key-3'), deletion('key', hashApiKey(k2)), key(k1, 'app-9', null, 'key-9')]));
    const served = [k1, k2, k3, k4].map((k) => cache.index.keyByHash(hashApiKey(k)) ?? null);
    expect(served.map((e) => e?.appId ?? null)).toEqual(['app-9', null, null, 'app-3']);
    cache.close();
    cache = reopen();
    expect([k1, k2, k3, k4].map((k) => cache.index.keyByHash(hashApiKey(k)) ?? null)).toEqual(served);
    // Deleting by the other id still works after a restart, and an id that is not the key's hash deletes nothing.
    cache.applySync(answer('delta', 3, [deletion('key', 'key-9'), deletion('key', hashApiKey(k4))]));
    cache.close();
    cache = reopen();
    expect(cache.index.keyByHash(hashApiKey(k1))).toBeUndefined();
    expect(cache.index.keyByHash(hashApiKey(k4))?.expiresAt).toBe(7);
    expect(cache.index.counts().keys).toBe(1);
    cache.close();
  });

  it('a snapshot of thousands of keys in any order is stored and reloaded whole', () => {
    const keys = Array.from({ length: 3000 }, (_, i) => byHash(generateApiKey(), `app-${i % 13}`));
    let cache = reopen();
    cache.applySync(answer('snapshot', 1, [...keys, keys[5] as SyncChange, deletion('key', keys[7]?.id ?? '')]));
    cache.close();
    cache = reopen();
    expect(cache.index.counts().keys).toBe(2999);
    expect(keys.filter((k, i) => i !== 7 && cache.index.keyByHash(k.id)?.appId !== `app-${i % 13}`)).toEqual([]);
    cache.close();
  });

  it('entities of a kind this sidecar does not index are still stored by (kind, id) and kept across a restart', () => {
    let cache = reopen();
    // A kind from a newer contract than this sidecar's index knows (the cache stores what the answer carried).
    const future = { kind: 'future-kind', id: 'f-1', data: { note: 'kept' } } as unknown as SyncChange;
    cache.applySync(answer('snapshot', 1, [future, route('pets', '/pets/v1', 'http://up')]));
    cache.close();
    cache = reopen();
    const row = cache.db.prepare("SELECT data FROM entities WHERE kind = 'future-kind' AND id = 'f-1'").get() as { data: string } | undefined;
    expect(row && JSON.parse(row.data)).toEqual({ note: 'kept' });
    expect(cache.index.routeByContext('/pets/v1')).toBeDefined();
    cache.close();
  });

  it('a cache of the previous format (version 1) starts empty at revision 0, so the sync loop fetches a snapshot', () => {
    const db = new Database(path);
    db.exec(`CREATE TABLE entities (kind TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID;
      CREATE TABLE meta (singleton INTEGER PRIMARY KEY, environment TEXT NOT NULL, revision INTEGER NOT NULL, last_sync_at INTEGER NOT NULL, settings TEXT NOT NULL);
      CREATE TABLE outbox_events (seq INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL);
      INSERT INTO meta VALUES (1, 'default', 9, 5, '{"corsOrigins":[]}');
      INSERT INTO entities VALUES ('key', 'a', '{}');
      INSERT INTO outbox_events (body) VALUES ('usage');`);
    db.pragma('user_version = 1');
    db.close();
    const cache = reopen();
    expect(cache.meta).toEqual({ environment: null, revision: 0, lastSyncAt: null });
    expect(cache.index.entityCount).toBe(0);
    // Other tables of the file (the analytics outbox) are not the cache's to drop.
    expect(cache.db.prepare('SELECT body FROM outbox_events').pluck().all()).toEqual(['usage']);
    expect(cache.applySync(answer('snapshot', 1, [byHash(generateApiKey(), 'app-1')]))).toMatchObject({ applied: true });
    cache.close();
  });

  it('a file of a newer format is refused, never emptied', () => {
    reopen().close();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    expect(() => reopen()).toThrow(expect.objectContaining({ code: 'CACHE_TOO_NEW' }));
    const after = new Database(path);
    expect(after.pragma('user_version', { simple: true })).toBe(99);
    after.close();
  });

  it('a damaged key block (truncated, or referring to an app the file lacks) makes the file count as corrupt', () => {
    let cache = reopen();
    cache.applySync(answer('snapshot', 1, [byHash(generateApiKey(), 'app-1')]));
    cache.db.prepare('UPDATE key_blocks SET data = substr(data, 1, length(data) - 3)').run();
    cache.close();
    expect(() => reopen()).toThrow(expect.objectContaining({ code: 'CACHE_CORRUPT' }));
    cache = openCache(join(dir.path, 'second.db'), () => 1_000);
    cache.applySync(answer('snapshot', 1, [byHash(generateApiKey(), 'app-1')]));
    cache.db.prepare('DELETE FROM key_apps').run();
    cache.close();
    expect(() => openCache(join(dir.path, 'second.db'), () => 1_000)).toThrow(expect.objectContaining({ code: 'CACHE_CORRUPT' }));
  });
});
