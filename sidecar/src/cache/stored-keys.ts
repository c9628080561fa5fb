import type Database from 'better-sqlite3';
import type { KeyEntity } from '../contract/sync';
import { decodeBlock } from './key-block-codec';

/**
 * Every key a cache file holds, by sync id, decoded from its blocks: for tests and tools that inspect a file
 * directly (the sidecar itself loads blocks straight into its key table, load-keys.ts).
 */
export function storedKeys(db: Database.Database): Map<string, KeyEntity> {
  const apps = new Map(db.prepare('SELECT n, app_id FROM key_apps').raw().all() as [number, string][]);
  const keys = new Map<string, KeyEntity>();
  for (const block of db.prepare('SELECT data FROM key_blocks').pluck().iterate() as Iterable<Buffer>) {
    for (const e of decodeBlock(block)) {
      keys.set(e.otherId ?? e.hash, { hash: e.hash, keyId: e.keyId, appId: apps.get(e.appNumber) ?? '?', expiresAt: e.expiresAt });
    }
  }
  return keys;
}
