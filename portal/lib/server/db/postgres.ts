import 'server-only';
import { Kysely, PostgresAdapter, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema';

// PostgreSQL answers 64-bit integers (bigint columns, count(*)) and numerics (sum, avg) as strings, because they
// can exceed a JavaScript number. Every such value the portal stores (revisions, epoch milliseconds, counters) stays
// far below 2^53, so they are parsed as numbers, which is what SQLite answers for the same queries.
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  }) as typeof pg.types.getTypeParser,
};

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

/** A pool on one PostgreSQL database. `max` bounds what one replica holds open (long-polls do not hold one). */
export function openPostgres(url: string, max = Number(process.env.GATEHOUSE_DB_POOL_MAX ?? 10)): Kysely<DB> {
  const pool = new pg.Pool({ connectionString: url, max, types });
  // An idle client losing its server (restart, failover) emits here; without a listener it would crash the process.
  pool.on('error', (err) => console.error(`portal database pool: ${err.message}`));
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

/** Whether a Kysely instance talks to PostgreSQL: the few engine-specific statements branch on this. */
export function isPostgres<T>(db: Kysely<T>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
