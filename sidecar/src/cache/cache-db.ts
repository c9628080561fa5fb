import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

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

export function openCacheDb(path: string): CacheDb {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // FULL rather than NORMAL: under WAL, NORMAL may lose the last committed sync on power loss, and losing it means
  // coming back at an older revision, where a revoked key is valid again. Writes happen once per sync, so the
  // extra fsync costs nothing that matters.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new Error(`cache file ${path} has schema version ${version}, newer than this sidecar understands (${SCHEMA_VERSION})`);
  }
  db.exec(SCHEMA);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
  return db;
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
