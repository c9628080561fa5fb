import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from './migrate';
import { startRetentionJob } from './retention';
import { startEmailOutbox } from '../email/email-outbox-job';
import { startKeyExpiryJob } from '../notifications/key-expiry-job';
import { listenForRevisions, type RevisionListener } from '../sync/revision-listener';
import { isPostgresUrl, openPostgres } from './postgres';
import type { DB } from './schema';

export type Db = Kysely<DB>;

/** Opens (and creates) a portal database file with the pragmas the portal relies on. */
export function openSqlite(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // Next.js route handlers and the sync long-poll share this file; wait for a writer instead of failing.
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
}

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.GATEHOUSE_DATA_DIR ?? 'data');
}

/**
 * The portal's database: PostgreSQL when `DATABASE_URL` is a postgres:// URL (several replicas may share it),
 * otherwise the embedded SQLite file under the data directory.
 */
export function openPortalDb(url = process.env.DATABASE_URL): Db {
  if (isPostgresUrl(url)) return openPostgres(url);
  if (url) throw new Error('DATABASE_URL must be a postgres:// or postgresql:// URL; leave it unset for the embedded SQLite file');
  return openSqlite(path.join(dataDir(), 'portal.db'));
}

// One connection (or pool) per server process. Kept on globalThis because Next.js bundles each route separately, and a
// module-level variable would give every route its own connection.
const holder = globalThis as unknown as { __gatehouseDb?: Promise<Db>; __gatehouseRevisionListener?: RevisionListener };

export function getDb(): Promise<Db> {
  holder.__gatehouseDb ??= (async () => {
    const db = openPortalDb();
    await migrateToLatest(db);
    startRetentionJob(db);
    startKeyExpiryJob(db);
    // Notification emails, only when GATEHOUSE_SMTP_URL is set (README: Email).
    startEmailOutbox(db);
    // Replicas on PostgreSQL learn of each other's commits by LISTEN/NOTIFY, which wakes their sidecars' long-polls.
    const url = process.env.DATABASE_URL;
    if (isPostgresUrl(url)) holder.__gatehouseRevisionListener ??= listenForRevisions(url);
    return db;
  })();
  return holder.__gatehouseDb;
}
