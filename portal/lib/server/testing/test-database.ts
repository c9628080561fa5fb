import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
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
  /** On PostgreSQL, a URL that reaches this test's own database (for more "replicas"); null on SQLite. */
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
  // A copy of the file the real migrations built once in this worker: byte for byte what they would build again,
  // at a fraction of a millisecond instead of ~100 ms a test (hundreds of tests call this).
  fs.copyFileSync(await migratedSqliteFile(), file);
  const db = openSqlite(file);
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

let sqliteTemplate: Promise<string> | undefined;

function migratedSqliteFile(): Promise<string> {
  sqliteTemplate ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-portal-template-'));
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'portal.db');
    const db = openSqlite(file);
    await migrateToLatest(db);
    // Closing the last connection checkpoints the WAL into the file, so the file alone holds the whole schema.
    await db.destroy();
    return file;
  })();
  return sqliteTemplate;
}

// On PostgreSQL each test gets a database of its own, cloned (CREATE DATABASE ... TEMPLATE) from one the real
// migrations built once for the whole run (postgres-template.ts, the project's global setup). Migrating a fresh
// schema per test, as before, cost ~1-1.7 s a test on a busy 2-core machine (about 70 DDL round trips); a clone is
// a copy inside the server (~0.3-0.8 s there), made while the previous test runs, so a test rarely waits for it.
// Drops run in the background too; the file's last hook (dropFileDatabase) waits for them.
const pendingDrops: Promise<void>[] = [];
let nextDatabase: Promise<string> | undefined;

function cloneTemplate(adminUrl: string): Promise<string> {
  const template = inject('pgTemplateDatabase');
  if (!template) return Promise.reject(new Error('the postgres project has no template database: is its globalSetup (postgres-template.ts) configured?'));
  const name = `gatehouse_t_${randomBytes(6).toString('hex')}`;
  return adminQuery(adminUrl, `create database ${name} template ${template}`).then(() => name);
}

async function createPostgresTestDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = await (nextDatabase ?? cloneTemplate(adminUrl));
  nextDatabase = cloneTemplate(adminUrl);
  // A failed clone fails the test that awaits it (above), not the process as an unhandled rejection.
  nextDatabase.catch(() => {});
  const url = new URL(withPath(adminUrl, name));
  // Commits here need not survive a crash of the server: skipping the flush makes each one several times faster.
  url.searchParams.set('options', '-c synchronous_commit=off');
  const db = openPostgres(url.toString(), 5);
  return {
    db,
    engine: 'postgres',
    file: null,
    url: url.toString(),
    cleanup: async () => {
      await db.destroy();
      pendingDrops.push(dropDatabase(adminUrl, name));
    },
  };
}

// WITH (FORCE) ends any connection a test left open (a listener, a "replica").
function dropDatabase(adminUrl: string, name: string): Promise<void> {
  return adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
}

/**
 * Drops this test file's databases (the spare clone too) and waits until they are gone; the postgres project's
 * setup file calls it after each file.
 */
export async function dropFileDatabase(): Promise<void> {
  const adminUrl = process.env[TEST_PG_URL_ENV];
  const spare = nextDatabase;
  nextDatabase = undefined;
  if (adminUrl && spare) pendingDrops.push(spare.then((name) => dropDatabase(adminUrl, name), () => {}));
  await Promise.all(pendingDrops.splice(0));
}

export function withPath(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(url: string, text: string): Promise<void> {
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
