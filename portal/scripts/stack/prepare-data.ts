import path from 'node:path';
import { openSqlite } from '../../lib/server/db/client';
import { migrateToLatest } from '../../lib/server/db/migrate';
import { seedDemo } from '../../lib/server/seed/seed-demo';
import type { StackConfig } from './stack-config';

/** Migrates the portal database and seeds the demo catalog (idempotently); returns the demo credentials. */
export async function prepareData(config: StackConfig) {
  const db = openSqlite(path.join(config.dataDir, 'portal.db'));
  try {
    await migrateToLatest(db);
    return await seedDemo(db, {
      gatewayUrl: config.gatewayUrl,
      backendUrl: config.backendUrl,
      openapiDir: path.join(config.repoRoot, 'public/openapi'),
      secretsFile: path.join(config.dataDir, 'demo-credentials.json'),
    });
  } finally {
    await db.destroy();
  }
}
