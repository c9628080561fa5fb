import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openPortalDb } from '../lib/server/db/client';
import { migrateToLatest } from '../lib/server/db/migrate';
import { resolvePortalEnv } from '../lib/server/portal-env';

/**
 * `npm run start:portal`: the portal alone, in production, configured by the environment (after `npm run build`).
 * No demo data, no sidecar. Checks the settings (every problem listed, exit 1), migrates the database, then runs
 * `next start` and hands it SIGTERM/SIGINT, exiting with its code.
 *
 *   GATEHOUSE_PUBLIC_URL            the URL browsers use (next-auth's NEXTAUTH_URL; CORS origin for gateways)
 *   NEXTAUTH_SECRET[_FILE]          session signing secret, identical on every replica
 *   DATABASE_URL[_FILE]             postgres://... for replicas; unset: SQLite under GATEHOUSE_DATA_DIR (./data)
 *   GATEHOUSE_SYNC_SIGNING_KEY_FILE optional Ed25519 PKCS#8 PEM; else the database (PostgreSQL) or the data dir
 *   PORT (3000), HOSTNAME (0.0.0.0)
 */
const repoRoot = path.resolve(__dirname, '../..');

async function main(): Promise<number> {
  const problems = resolvePortalEnv();
  if (problems.length > 0) {
    for (const p of problems) console.error(`gatehouse portal: ${p}`);
    return 1;
  }
  if (!fs.existsSync(path.join(repoRoot, 'portal/.next/BUILD_ID'))) {
    console.error('gatehouse portal: no production build; run `npm run build` first');
    return 1;
  }
  const db = openPortalDb();
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  const port = process.env.PORT ?? '3000';
  const host = process.env.HOSTNAME ?? '0.0.0.0';
  const next = spawn(path.join(repoRoot, 'node_modules/.bin/next'), ['start', path.join(repoRoot, 'portal'), '-p', port, '-H', host], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => next.kill(signal));
  console.log(`gatehouse portal starting on http://${host}:${port}, public URL ${process.env.NEXTAUTH_URL} (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`);
  return new Promise((resolve) => next.on('exit', (code, signal) => resolve(code ?? (signal ? 0 : 1))));
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`gatehouse portal failed to start: ${err.message}${err.cause ? ` (${(err.cause as Error).message})` : ''}`);
    process.exit(1);
  },
);
