import 'server-only';
import type { Db } from '../db/client';
import { publishedKeys } from './signing-keys';

/** The public JWKS (RFC 7517) for verifiers other than Gatehouse sidecars, which receive the same keys by sync. */
export async function publishJwks(db: Db, now = Date.now()) {
  const keys = await publishedKeys(db, now);
  return { keys: keys.map((k) => ({ ...(JSON.parse(k.public_jwk) as Record<string, string>), kid: k.kid, alg: k.alg, use: 'sig' })) };
}
