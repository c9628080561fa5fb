import type { Clock } from '../clock';
import { type SyncChange, type SyncResponse, settingsSchema } from '../contract/sync';
import { openCacheDb, prepareStatements } from './cache-db';
import { CacheIndex } from './cache-index';
import { judgeSync, type SyncRejection } from './judge-sync';

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
  close(): void;
}

/**
 * Opens (or creates) the cache file and loads the in-memory index from it, so a restart with the cloud unreachable
 * serves at once. Every sync answer is written in one synchronous transaction together with its revision: a crash
 * at any instant leaves the old state or the new one.
 */
export function openCache(path: string, now: Clock): SidecarCache {
  const db = openCacheDb(path);
  const sql = prepareStatements(db);
  let index = new CacheIndex();
  const meta: CacheMeta = { environment: null, revision: 0, lastSyncAt: null };

  const row = sql.selectMeta.get();
  if (row) {
    Object.assign(meta, { environment: row.environment, revision: row.revision, lastSyncAt: row.last_sync_at });
    index.setSettings(settingsSchema.parse(JSON.parse(row.settings)));
  }
  for (const entity of sql.selectEntities.iterate()) {
    index.apply({ kind: entity.kind, id: entity.id, data: JSON.parse(entity.data) } as SyncChange);
  }

  const write = db.transaction((answer: SyncResponse, syncedAt: number) => {
    if (answer.mode === 'snapshot') sql.deleteAllEntities.run();
    for (const change of answer.changes) {
      if (change.data === null) sql.deleteEntity.run(change.kind, change.id);
      else sql.upsertEntity.run(change.kind, change.id, JSON.stringify(change.data));
    }
    sql.writeMeta.run(answer.environment, answer.revision, syncedAt, JSON.stringify(answer.settings));
  });

  return {
    get index() {
      return index;
    },
    meta,
    applySync(answer) {
      const reason = judgeSync({ ...meta, entityCount: index.entityCount }, answer);
      if (reason) return { applied: false, reason };
      const syncedAt = now();
      write(answer, syncedAt);
      // Only after the commit: the request path must never see a state that is not on disk.
      const next = answer.mode === 'snapshot' ? new CacheIndex() : index;
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
