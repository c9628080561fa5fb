import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from './migrate';
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

// One connection per server process. Kept on globalThis because Next.js bundles each route separately, and a
// module-level variable would give every route its own connection.
const holder = globalThis as unknown as { __gatehouseDb?: Promise<Db> };

export function getDb(): Promise<Db> {
  holder.__gatehouseDb ??= (async () => {
    const db = openSqlite(path.join(dataDir(), 'portal.db'));
    await migrateToLatest(db);
    return db;
  })();
  return holder.__gatehouseDb;
}
