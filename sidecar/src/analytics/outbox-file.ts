import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ensureOutboxTables } from './outbox-store';

/** The outbox's own file beside the cache: `cache.db` -> `cache.outbox.db`. */
export function outboxPathFor(cachePath: string): string {
  if (cachePath === ':memory:') return cachePath;
  return cachePath.endsWith('.db') ? `${cachePath.slice(0, -3)}.outbox.db` : `${cachePath}.outbox`;
}

/**
 * Opens the outbox file for its thread. WAL with `synchronous = FULL`: every group commit is on disk (fsync of the
 * WAL) before the outbox counts it as stored, so neither kill -9 nor a power loss loses a committed group. That
 * fsync is why the outbox has a thread and a file of its own: on the cache's connection it ran on the event loop
 * and every request in flight waited for the disk. The file is held exclusively, like the cache (one sidecar per
 * file), which also keeps the WAL index in the thread's memory.
 */
export function openOutboxDb(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('BEGIN IMMEDIATE; COMMIT');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Moves an outbox kept in the cache file (sidecars before the outbox had its own file) into the outbox file: rows,
 * epoch and the AUTOINCREMENT high-water mark, so no event id is ever issued twice and the backlog still ships.
 * Runs at start, before the outbox thread opens the file. The copy commits before the old tables are dropped; a crash between the
 * two leaves the rows in both, and the next start copies them again over themselves (same sequence numbers)
 * before dropping the old tables. Returns the number of events moved.
 */
export function moveOutboxOutOfCache(cache: Database.Database, outboxPath: string): number {
  if (outboxPath === ':memory:') return 0;
  const old = cache.prepare<[], number>(`SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'outbox_groups'`).pluck().get();
  if (!old) return 0;
  mkdirSync(dirname(outboxPath), { recursive: true });
  cache.prepare('ATTACH DATABASE ? AS outbox').run(outboxPath);
  try {
    cache.pragma('outbox.journal_mode = WAL');
    cache.pragma('outbox.synchronous = FULL');
    ensureOutboxTables(cache, 'main');
    ensureOutboxTables(cache, 'outbox');
    const moved = cache.prepare<[], number>('SELECT coalesce(sum(count), 0) FROM main.outbox_groups').pluck().get() ?? 0;
    // Two transactions, in this order: across attached WAL files one transaction is not atomic, and the old rows
    // must not go before the copy is committed.
    cache.transaction(() => {
      cache.exec(`INSERT OR IGNORE INTO outbox.outbox_groups (seq, count, body, ids) SELECT seq, count, body, ids FROM main.outbox_groups;
        INSERT OR IGNORE INTO outbox.outbox_meta (k, v) SELECT k, v FROM main.outbox_meta;
        INSERT INTO outbox.sqlite_sequence (name, seq) SELECT 'outbox_groups', 0
          WHERE NOT EXISTS (SELECT 1 FROM outbox.sqlite_sequence WHERE name = 'outbox_groups');
        UPDATE outbox.sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM main.sqlite_sequence WHERE name = 'outbox_groups'), 0))
          WHERE name = 'outbox_groups';`);
    })();
    cache.transaction(() => cache.exec('DROP TABLE main.outbox_groups; DROP TABLE main.outbox_meta;'))();
    return moved;
  } finally {
    cache.exec('DETACH DATABASE outbox');
  }
}
