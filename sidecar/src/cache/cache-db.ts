import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { CacheCorruptError, CacheInUseError, CacheTooNewError, isSqliteBusy } from './cache-errors';

export type CacheDb = Database.Database;

/** 2: keys moved out of the JSON `entities` rows into key blocks (key-block-codec.ts). */
const SCHEMA_VERSION = 2;

/**
 * Entities are stored by (kind, id), the address the sync protocol uses for upserts and deletions; the typed lookups
 * (key by hash, subscription by app x API, ...) live in the in-memory index built from these rows. Keys, up to
 * millions of them, are stored apart, in binary blocks of many keys per row (key-block-codec.ts), so that a start
 * neither reads a row nor parses JSON per key; their app ids are stored once (`key_apps`), and sync ids other than
 * the key's own hash in `key_other_ids` (the portal always uses the hash). Every other kind, including kinds this
 * file knows nothing about, is a JSON row.
 */
const SCHEMA = `
CREATE TABLE entities (
  kind TEXT NOT NULL,
  id   TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (kind, id)
) WITHOUT ROWID;
CREATE TABLE key_blocks (
  block INTEGER PRIMARY KEY,
  count INTEGER NOT NULL,
  data  BLOB NOT NULL
);
CREATE TABLE key_other_ids (
  other_id TEXT NOT NULL PRIMARY KEY,
  hash     TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE key_apps (
  n      INTEGER PRIMARY KEY,
  app_id TEXT NOT NULL UNIQUE
);
CREATE TABLE meta (
  singleton    INTEGER PRIMARY KEY CHECK (singleton = 1),
  environment  TEXT NOT NULL,
  revision     INTEGER NOT NULL,
  last_sync_at INTEGER NOT NULL,
  settings     TEXT NOT NULL
);
`;

/** The tables of a version 1 cache; anything else at version 1 is not a cache of ours. */
const V1_TABLES = ['entities', 'meta'];

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
    // Only a new or an older cache is written here: a file that turns out to be corrupt is moved aside exactly as found.
    if (version < SCHEMA_VERSION) upgrade(db, path, version);
    return db;
  } catch (error) {
    db.close();
    throw isSqliteBusy(error) ? new CacheInUseError(path) : error;
  }
}

/**
 * An older cache is started afresh: its data is only a copy of the portal's, so the sync loop refetches it as a
 * snapshot (revision 0). Other tables in the file (the analytics outbox) are left alone.
 */
function upgrade(db: CacheDb, path: string, version: number): void {
  db.transaction(() => {
    if (version === 1) {
      const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'").all().map((t) => t.name);
      if (!V1_TABLES.every((t) => tables.includes(t))) throw new CacheCorruptError(`cache file ${path} lacks the tables of a version 1 cache`);
      db.exec('DROP TABLE entities; DROP TABLE meta;');
    }
    db.exec(SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
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
    /** As hex text: a JS string is garbage the JS heap recycles, where a Buffer per block leaves malloc'd memory behind. */
    selectAllKeyBlocksHex: db.prepare<[], string>('SELECT hex(data) FROM key_blocks').pluck(),
    /** Keys, and an upper bound of their key ids' bytes (block bytes less the fixed 48 per key and 4 per block). */
    keyBlockTotals: db
      .prepare<[], [number, number]>('SELECT coalesce(sum(count), 0), coalesce(sum(length(data)) - 48 * sum(count) - 4 * count(*), 0) FROM key_blocks')
      .raw(),
    selectKeyBlock: db.prepare<[number], { data: Buffer }>('SELECT data FROM key_blocks WHERE block = ?'),
    upsertKeyBlock: db.prepare<[number, number, Buffer]>(
      'INSERT INTO key_blocks (block, count, data) VALUES (?, ?, ?) ON CONFLICT (block) DO UPDATE SET count = excluded.count, data = excluded.data',
    ),
    deleteKeyBlock: db.prepare<[number]>('DELETE FROM key_blocks WHERE block = ?'),
    deleteAllKeyBlocks: db.prepare('DELETE FROM key_blocks'),
    selectOtherId: db.prepare<[string], { hash: string }>('SELECT hash FROM key_other_ids WHERE other_id = ?'),
    upsertOtherId: db.prepare<[string, string]>(
      'INSERT INTO key_other_ids (other_id, hash) VALUES (?, ?) ON CONFLICT (other_id) DO UPDATE SET hash = excluded.hash',
    ),
    deleteOtherId: db.prepare<[string]>('DELETE FROM key_other_ids WHERE other_id = ?'),
    deleteAllOtherIds: db.prepare('DELETE FROM key_other_ids'),
    highestKeyApp: db.prepare<[], number>('SELECT coalesce(max(n), 0) FROM key_apps').pluck(),
    selectAllKeyApps: db.prepare<[], [number, string]>('SELECT n, app_id FROM key_apps').raw(),
    selectKeyAppNumber: db.prepare<[string], { n: number }>('SELECT n FROM key_apps WHERE app_id = ?'),
    insertKeyApp: db.prepare<[string]>('INSERT INTO key_apps (app_id) VALUES (?)'),
    deleteAllKeyApps: db.prepare('DELETE FROM key_apps'),
  };
}

export type CacheStatements = ReturnType<typeof prepareStatements>;
