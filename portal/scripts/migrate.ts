import { openPortalDb } from '../lib/server/db/client';
import { migrateToLatest } from '../lib/server/db/migrate';
import { migrations } from '../lib/server/db/migrations';
import { resolvePortalEnv } from '../lib/server/portal-env';

/**
 * `npm run migrate`: brings the portal's database (DATABASE_URL, or the SQLite file under GATEHOUSE_DATA_DIR) to
 * the latest migration and exits. Safe to run from several replicas at once: on PostgreSQL kysely migrates under a
 * lock, and a database already at the latest migration is left as it is.
 */
async function main(): Promise<void> {
  resolvePortalEnv(); // only for DATABASE_URL_FILE; the other settings are the server's business
  const db = openPortalDb();
  try {
    await migrateToLatest(db);
    console.log(`portal database at migration ${Object.keys(migrations).at(-1)} (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`);
  } finally {
    await db.destroy();
  }
}

main().catch((err: Error) => {
  console.error(`migration failed: ${err.message}${err.cause ? ` (${(err.cause as Error).message})` : ''}`);
  process.exit(1);
});
