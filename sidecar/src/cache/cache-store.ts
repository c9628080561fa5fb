import type { Clock } from '../clock';
import { type SyncChange, type SyncResponse, settingsSchema } from '../contract/sync';
import { type CacheDb, type CacheStatements, openCacheDb, prepareStatements } from './cache-db';
import { CacheCorruptError } from './cache-errors';
import { CacheIndex } from './cache-index';
import { judgeSync, type SyncRejection } from './judge-sync';
import { type KeyChange, writeKeyChanges } from './key-block-writer';
import { loadKeys } from './load-keys';

export interface CacheMeta {
  environment: string | null;
  revision: number;
  /** Epoch ms of the last sync that answered (with or without changes); null when never synced. */
  lastSyncAt: number | null;
}

export type ApplyOutcome =
  | { applied: true; mode: SyncResponse['mode']; revision: number; changes: number }
  | { applied: false; reason: SyncRejection };

export interface SidecarCache {
  /** Replaced wholesale by a snapshot: read it per request, do not hold on to it. */
  readonly index: CacheIndex;
  readonly meta: Readonly<CacheMeta>;
  applySync(answer: SyncResponse): ApplyOutcome;
  /**
   * The open connection, for other tables in the same file (the quota counts; an outbox from before it had its own file). The file is locked exclusively
   * by this connection (cache-db.ts), so a second connection, even in this process, would be refused.
   */
  readonly db: CacheDb;
  close(): void;
}

/**
 * Opens (or creates) the cache file and loads the in-memory index from it, so a restart with the cloud unreachable
 * serves at once. Every sync answer is written in one synchronous transaction together with its revision: a crash
 * at any instant leaves the old state or the new one.
 */
export function openCache(path: string, now: Clock): SidecarCache {
  const db = openCacheDb(path);
  const { sql, meta, loadedIndex } = loadOrClose(db, path);
  let index = loadedIndex;

  const write = db.transaction((answer: SyncResponse, syncedAt: number) => {
    if (answer.mode === 'snapshot') sql.deleteAllEntities.run();
    writeChanges(sql, answer);
    sql.writeMeta.run(answer.environment, answer.revision, syncedAt, JSON.stringify(answer.settings));
  });

  return {
    get index() {
      return index;
    },
    meta,
    db,
    applySync(answer) {
      const reason = judgeSync({ ...meta, entityCount: index.entityCount }, answer);
      if (reason) return { applied: false, reason };
      const syncedAt = now();
      write(answer, syncedAt);
      // Only after the commit: the request path must never see a state that is not on disk.
      const next = answer.mode === 'snapshot' ? new CacheIndex() : index;
      if (answer.mode === 'snapshot') next.keys.reserve(answer.changes.reduce((n, c) => (c.kind === 'key' ? n + 1 : n), 0));
      for (const change of answer.changes) next.apply(change);
      next.setSettings(answer.settings);
      index = next;
      Object.assign(meta, { environment: answer.environment, revision: answer.revision, lastSyncAt: syncedAt });
      return { applied: true, mode: answer.mode, revision: answer.revision, changes: answer.changes.length };
    },
    close() {
      db.close();
    },
  };
}

/**
 * Every kind but keys, known to this file or not, is stored generically as JSON by (kind, id); keys go to the key
 * blocks (key-block-writer.ts).
 */
function writeChanges(sql: CacheStatements, answer: SyncResponse): void {
  const keys: KeyChange[] = [];
  for (const change of answer.changes) {
    if (change.kind === 'key') keys.push(change);
    else if (change.data === null) sql.deleteEntity.run(change.kind, change.id);
    else sql.upsertEntity.run(change.kind, change.id, JSON.stringify(change.data));
  }
  writeKeyChanges(sql, keys, answer.mode === 'snapshot');
}

/**
 * Prepares the statements and loads meta and index from the file. Any failure closes the connection (releasing
 * the file's lock, so it can be moved aside) and is reported as corruption unless SQLite already said what it is.
 */
function loadOrClose(db: CacheDb, path: string) {
  try {
    const sql = prepareStatements(db);
    const loadedIndex = new CacheIndex();
    const meta: CacheMeta = { environment: null, revision: 0, lastSyncAt: null };
    const row = sql.selectMeta.get();
    if (row) {
      Object.assign(meta, { environment: row.environment, revision: row.revision, lastSyncAt: row.last_sync_at });
      loadedIndex.setSettings(settingsSchema.parse(JSON.parse(row.settings)));
    }
    // Keys first: the subscriptions then share the app ids the key table interned.
    loadKeys(sql, loadedIndex.keys);
    for (const entity of sql.selectEntities.iterate()) {
      loadedIndex.apply({ kind: entity.kind, id: entity.id, data: JSON.parse(entity.data) } as SyncChange);
    }
    return { sql, meta, loadedIndex };
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code?.startsWith('SQLITE_')) throw error;
    throw new CacheCorruptError(`cache file ${path} holds rows that cannot be decoded: ${(error as Error).message}`);
  }
}
