import path from 'node:path';
import { openPortalDb } from '../lib/server/db/client';
import { migrateToLatest } from '../lib/server/db/migrate';
import { seedDemo } from '../lib/server/seed/seed-demo';
import { loadOrCreateSharedSigningKey } from '../lib/server/sync/shared-signing-key';

/**
 * The load bench's database: `DATABASE_URL` (a fresh PostgreSQL database) migrated and seeded with the demo
 * catalog exactly as `npm start` seeds SQLite, the demo backend at argv[2]. Prints one JSON line with what a
 * sidecar needs: the demo gateway's token and the pinned sync key every replica signs with.
 */
async function main(): Promise<void> {
  const [backendUrl, secretsFile] = process.argv.slice(2) as [string, string];
  const db = openPortalDb();
  try {
    await migrateToLatest(db);
    const secrets = await seedDemo(db, { gatewayUrl: 'http://127.0.0.1:1', backendUrl, openapiDir: path.resolve(__dirname, '../../public/openapi'), secretsFile });
    const signingKey = await loadOrCreateSharedSigningKey(db);
    process.stdout.write(`${JSON.stringify({ gatewayToken: secrets.gatewayToken, publicKey: signingKey.pinned })}\n`);
  } finally {
    await db.destroy();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
