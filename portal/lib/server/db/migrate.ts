import { type Kysely, Migrator } from 'kysely';
import { migrations } from './migrations';

/**
 * Runs every pending migration. `schema` (PostgreSQL) names the schema of kysely's own bookkeeping tables: kysely
 * looks for them in every schema, so a database holding several portals' schemas (the tests do) must say which.
 * On PostgreSQL kysely holds a lock row while migrating, so replicas starting at once migrate one after the other.
 */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, migrationTableSchema: schema });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}
