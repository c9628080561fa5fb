import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Db, openSqlite } from '../db/client';
import { migrateToLatest } from '../db/migrate';
import { openPostgres } from '../db/postgres';

/**
 * Set (to a server's admin URL) by the vitest project that runs the database tests on PostgreSQL; unset or empty,
 * they run on SQLite files.
 */
export const TEST_PG_URL_ENV = 'GATEHOUSE_TEST_PG_URL';

export interface TestDatabase {
  db: Db;
  engine: 'sqlite' | 'postgres';
  /** The SQLite file; null on PostgreSQL. */
  file: string | null;
  /** On PostgreSQL, a URL that reaches this test's own schema (for more "replicas"); null on SQLite. */
  url: string | null;
  cleanup: () => Promise<void>;
}

export function testEngine(): TestDatabase['engine'] {
  return process.env[TEST_PG_URL_ENV] ? 'postgres' : 'sqlite';
}

/** A fresh database built by the real migrations, on the engine this test run targets. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env[TEST_PG_URL_ENV];
  if (adminUrl) return createPostgresTestDatabase(adminUrl);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-portal-'));
  const file = path.join(dir, 'portal.db');
  const db = openSqlite(file);
  await migrateToLatest(db);
  return {
    db,
    engine: 'sqlite',
    file,
    url: null,
    cleanup: async () => {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// On PostgreSQL each test file gets a database of its own (created on first use, dropped after the file by
// dropFileDatabase, which the postgres project's setup file calls), and each test a schema of its own in it, made by
// the real migrations. A database per test cost about 1.3 s (CREATE and DROP DATABASE each force a checkpoint); a
// schema costs a few milliseconds and isolates just as well: the migrations create unqualified tables, which land
// in the schema the connection's search_path names.
let fileDatabase: { name: string; url: string } | undefined;

async function createPostgresTestDatabase(adminUrl: string): Promise<TestDatabase> {
  if (!fileDatabase) {
    const name = `gatehouse_t_${randomBytes(6).toString('hex')}`;
    await adminQuery(adminUrl, `create database ${name}`);
    fileDatabase = { name, url: withPath(adminUrl, name) };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(fileDatabase.url, `create schema ${schema}`);
  const url = new URL(fileDatabase.url);
  // Commits here need not survive a crash of the server: skipping the flush makes each one several times faster.
  url.searchParams.set('options', `-c search_path=${schema} -c synchronous_commit=off`);
  const db = openPostgres(url.toString(), 5);
  await migrateToLatest(db, schema);
  const dbUrl = fileDatabase.url;
  return {
    db,
    engine: 'postgres',
    file: null,
    url: url.toString(),
    cleanup: async () => {
      await db.destroy();
      await adminQuery(dbUrl, `drop schema ${schema} cascade`);
    },
  };
}

/** Drops this test file's PostgreSQL database, ending any connection a test left open (a listener, a "replica"). */
export async function dropFileDatabase(): Promise<void> {
  const adminUrl = process.env[TEST_PG_URL_ENV];
  if (!adminUrl || !fileDatabase) return;
  const { name } = fileDatabase;
  fileDatabase = undefined;
  await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
}

function withPath(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * Every stored value as text, for tests that prove a secret never reaches the database: the SQLite file's bytes
 * (closing the database checkpoints the WAL into it), or every row of every table of the test's schema.
 */
export async function storedText(t: TestDatabase): Promise<string> {
  if (t.file) {
    await t.db.destroy();
    return fs.readFileSync(t.file, 'latin1');
  }
  const client = new pg.Client({ connectionString: t.url ?? '' });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>('select quote_ident(table_name) as name from information_schema.tables where table_schema = current_schema()');
    let out = '';
    for (const { name } of tables.rows) {
      const rows = await client.query<{ row: string }>(`select t::text as row from ${name} t`);
      out += `${rows.rows.map((r) => r.row).join('\n')}\n`;
    }
    return out;
  } finally {
    await client.end();
  }
}
