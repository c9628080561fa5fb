import 'server-only';
import { exportJWK, generateKeyPair } from 'jose';
import type { Db } from '../db/client';
import { newId } from '../ids';
import { syncedTransaction } from '../sync/synced-transaction';
import type { OAuthTimings } from './oauth-config';

export interface SigningKeyRow {
  kid: string;
  private_jwk: string;
  retire_at: number;
}

/**
 * The key that signs tokens now, rotating as needed. Each key signs until `retire_at`; the next one is created (and
 * synced to gateways) `publishLeadMs` before that, so no gateway sees a token whose key it does not hold yet. A key
 * stays published until `not_after` = its retirement plus the token lifetime: the last token it signed has then
 * expired. Past that it is deleted here, and the `jwks` scope withdraws it from gateways. Only the very first key
 * (no key at all yet) signs at once: its first token can reach a gateway up to one sync (well under a second) early.
 */
export async function currentSigningKey(db: Db, now: number, timings: OAuthTimings): Promise<SigningKeyRow> {
  const keys = await loadKeys(db);
  if (needsRotation(keys, now, timings)) {
    await syncedTransaction(db, async (trx, touch) => {
      // Re-read inside the transaction: a concurrent request may have rotated already.
      const fresh = await trx.selectFrom('oauth_signing_keys').select(['kid', 'retire_at', 'not_after']).execute();
      const rows = fresh.map((k) => ({ ...k, retire_at: Number(k.retire_at), not_after: Number(k.not_after) }));
      const expired = rows.filter((k) => k.not_after <= now).map((k) => k.kid);
      if (expired.length > 0) await trx.deleteFrom('oauth_signing_keys').where('kid', 'in', expired).execute();
      const live = rows.filter((k) => k.not_after > now);
      const lastRetire = Math.max(...live.map((k) => k.retire_at), -Infinity);
      if (lastRetire - now < timings.publishLeadMs) {
        await trx.insertInto('oauth_signing_keys').values(await newKeyRow(now, Math.max(lastRetire, now) + timings.rotationMs, timings)).execute();
      }
      touch('jwks');
    });
  }
  const signer = (await loadKeys(db)).find((k) => k.retire_at > now);
  if (!signer) throw new Error('no signing key after rotation');
  return signer;
}

/** Public keys a verifier may meet: every key whose tokens may still be unexpired. */
export async function publishedKeys(db: Db, now: number) {
  const rows = await db.selectFrom('oauth_signing_keys').select(['kid', 'alg', 'public_jwk', 'not_after']).orderBy('created_at').execute();
  return rows.filter((r) => Number(r.not_after) > now);
}

/** Ordered by retirement: the first key not yet retired is the one that signs. */
async function loadKeys(db: Db) {
  const rows = await db.selectFrom('oauth_signing_keys').select(['kid', 'private_jwk', 'retire_at', 'not_after']).execute();
  return rows.map((r) => ({ ...r, retire_at: Number(r.retire_at), not_after: Number(r.not_after) })).sort((a, b) => a.retire_at - b.retire_at);
}

function needsRotation(keys: { retire_at: number; not_after: number }[], now: number, timings: OAuthTimings): boolean {
  const last = keys.at(-1);
  return !last || last.retire_at - now < timings.publishLeadMs || keys.some((k) => k.not_after <= now);
}

async function newKeyRow(now: number, retireAt: number, timings: OAuthTimings) {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const kid = newId('sk', 12);
  const publicJwk = await exportJWK(publicKey);
  const privateJwk = await exportJWK(privateKey);
  return {
    kid,
    alg: 'EdDSA',
    public_jwk: JSON.stringify({ kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x }),
    private_jwk: JSON.stringify(privateJwk),
    created_at: now,
    retire_at: retireAt,
    not_after: retireAt + timings.tokenTtlMs,
  };
}
