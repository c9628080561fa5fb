import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { CacheCorruptError, CacheInUseError, CacheTooNewError, isSqliteBusy } from './cache-errors';

export type CacheDb = Database.Database;

const SCHEMA_VERSION = 1;

/**
 * Entities are stored generically by (kind, id), the address the sync protocol uses for upserts and deletions; the
 * typed lookups (key by hash, subscription by app x API, ...) live in the in-memory index built from these rows.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS entities (
  kind TEXT NOT NULL,
  id   TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (kind, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (
  singleton    INTEGER PRIMARY KEY CHECK (singleton = 1),
  environment  TEXT NOT NULL,
  revision     INTEGER NOT NULL,
  last_sync_at INTEGER NOT NULL,
  settings     TEXT NOT NULL
);
`;

/**
 * Opens the cache file and takes an exclusive lock on it for the life of the process. The lock is SQLite's own
 * (`locking_mode=EXCLUSIVE`, an fcntl lock held by the open file): the kernel drops it when the process dies,
 * kill -9 included, so a crashed sidecar never leaves a stale lock behind, and a second live sidecar on the same
 * file fails at once with CacheInUseError. A pid lock file would survive kill -9 and need stale-pid guessing,
 * which pid reuse (pid 1 in every container) defeats. Exclusive mode also keeps the WAL index in process memory.
 */
export function openCacheDb(path: string): CacheDb {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    // No waiting on a held lock: a second sidecar must be refused now, not after a timeout.
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    // FULL rather than NORMAL: under WAL, NORMAL may lose the last committed sync on power loss, and losing it
    // means coming back at an older revision, where a revoked key is valid again. Writes happen once per sync,
    // so the extra fsync costs nothing that matters.
    db.pragma('synchronous = FULL');
    // A write transaction takes the exclusive lock now rather than at the first sync.
    db.exec('BEGIN IMMEDIATE; COMMIT');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new CacheTooNewError(path, version, SCHEMA_VERSION);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new CacheCorruptError(`cache file ${path} failed its integrity check: ${String(check)}`);
    // Only a new file is written here: a file that turns out to be corrupt is then moved aside exactly as found.
    if (version < SCHEMA_VERSION) {
      db.exec(SCHEMA);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }
    return db;
  } catch (error) {
    db.close();
    throw isSqliteBusy(error) ? new CacheInUseError(path) : error;
  }
}

export interface MetaRow {
  environment: string;
  revision: number;
  last_sync_at: number;
  settings: string;
}

export interface EntityRow {
  kind: string;
  id: string;
  data: string;
}

/** Prepared once per open cache; better-sqlite3 statements are reusable and synchronous. */
export function prepareStatements(db: CacheDb) {
  return {
    selectMeta: db.prepare<[], MetaRow>('SELECT environment, revision, last_sync_at, settings FROM meta WHERE singleton = 1'),
    writeMeta: db.prepare<[string, number, number, string]>(
      `INSERT INTO meta (singleton, environment, revision, last_sync_at, settings) VALUES (1, ?, ?, ?, ?)
       ON CONFLICT (singleton) DO UPDATE SET environment = excluded.environment, revision = excluded.revision,
         last_sync_at = excluded.last_sync_at, settings = excluded.settings`,
    ),
    selectEntities: db.prepare<[], EntityRow>('SELECT kind, id, data FROM entities'),
    upsertEntity: db.prepare<[string, string, string]>(
      'INSERT INTO entities (kind, id, data) VALUES (?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET data = excluded.data',
    ),
    deleteEntity: db.prepare<[string, string]>('DELETE FROM entities WHERE kind = ? AND id = ?'),
    deleteAllEntities: db.prepare('DELETE FROM entities'),
  };
}

export type CacheStatements = ReturnType<typeof prepareStatements>;
