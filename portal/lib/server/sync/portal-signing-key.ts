import 'server-only';
import fs from 'node:fs';
import { dataDir, getDb } from '../db/client';
import { isPostgresUrl } from '../db/postgres';
import { loadOrCreateSharedSigningKey } from './shared-signing-key';
import { loadOrCreateSigningKey, type SigningKey, signingKeyFromPem } from './signing-key';

// Read once per server process. On globalThis because Next.js bundles each route separately.
const holder = globalThis as unknown as { __gatehouseSigningKey?: Promise<SigningKey> };

/**
 * The running portal's sync signing key. Every replica must sign with the key sidecars pin, so it comes from
 * configuration shared by all of them or from the database they share, never from one replica's disk:
 * `GATEHOUSE_SYNC_SIGNING_KEY_FILE` (a PKCS#8 PEM, e.g. a mounted secret) when set; else, on PostgreSQL, the key
 * stored in the database (created by the first replica that needs it); else `<GATEHOUSE_DATA_DIR>/sync-signing-key.pem`.
 */
export function portalSigningKey(): Promise<SigningKey> {
  holder.__gatehouseSigningKey ??= load().catch((err: unknown) => {
    holder.__gatehouseSigningKey = undefined; // a database that was briefly unreachable must not stick
    throw err;
  });
  return holder.__gatehouseSigningKey;
}

async function load(): Promise<SigningKey> {
  const file = process.env.GATEHOUSE_SYNC_SIGNING_KEY_FILE;
  if (file) return signingKeyFromPem(fs.readFileSync(file, 'utf8'), file);
  if (isPostgresUrl(process.env.DATABASE_URL)) return loadOrCreateSharedSigningKey(await getDb());
  return loadOrCreateSigningKey(dataDir());
}
