import { generateKeyPairSync } from 'node:crypto';
import type { Db } from '../db/client';
import { nowIso } from '../ids';
import { type SigningKey, signingKeyFromPem } from './signing-key';

const NAME = 'sync-signing-key';

/**
 * The sync signing key kept in the database, for replicas that share it. Replicas starting at once each generate a
 * candidate and insert it if none is stored yet; exactly one insert wins and every replica then reads that one.
 */
export async function loadOrCreateSharedSigningKey(db: Db): Promise<SigningKey> {
  const stored = await db.selectFrom('portal_secrets').where('name', '=', NAME).select('value').executeTakeFirst();
  if (stored) return signingKeyFromPem(stored.value, 'the database');
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  await db
    .insertInto('portal_secrets')
    .values({ name: NAME, value: pem, created_at: nowIso() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const winner = await db.selectFrom('portal_secrets').where('name', '=', NAME).select('value').executeTakeFirstOrThrow();
  return signingKeyFromPem(winner.value, 'the database');
}
