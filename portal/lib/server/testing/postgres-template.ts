import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { migrateToLatest } from '../db/migrate';
import { openPostgres } from '../db/postgres';
import { adminQuery, TEST_PG_URL_ENV, withPath } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The database the real migrations built once for this run; every test's database is cloned from it. */
    pgTemplateDatabase: string;
  }
}

/**
 * The postgres vitest project's global setup: runs the real migrations once, into a database that each test then
 * clones (test-database.ts), and drops it when the run ends. A clone needs no connection open on its template, so
 * the pool closes before any test starts.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = process.env[TEST_PG_URL_ENV] || String(project.config.env?.[TEST_PG_URL_ENV] ?? '');
  const name = `gatehouse_tpl_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const db = openPostgres(withPath(adminUrl, name), 1);
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  project.provide('pgTemplateDatabase', name);
  return () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
}
