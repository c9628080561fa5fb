import { createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

/**
 * Sync answers are signed by the cloud with Ed25519 over the exact bytes of the HTTP body, sent base64 in this
 * header. Signing bytes, not parsed JSON, lets the sidecar verify before it parses anything (no canonicalisation,
 * and a hostile body is never parsed at all). The sidecar pins the public key in its configuration in the
 * `ed25519:<base64url of the 32 raw bytes>` form.
 */
export const SIGNATURE_HEADER = 'x-gatehouse-signature';
const PINNED_PREFIX = 'ed25519:';

export function signBody(body: Uint8Array, privateKey: KeyObject): string {
  return sign(null, body, privateKey).toString('base64');
}

export function verifyBody(body: Uint8Array, signature: string | null | undefined, publicKey: KeyObject): boolean {
  if (!signature || signature.length > 200) return false;
  const bytes = Buffer.from(signature, 'base64');
  if (bytes.length !== 64) return false;
  try {
    return verify(null, body, publicKey, bytes);
  } catch {
    return false;
  }
}

/** The form an operator copies from the portal into the sidecar's `--portal-public-key`. */
export function pinnedPublicKey(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  return PINNED_PREFIX + jwk.x;
}

/** Parses a pinned key; throws on anything that is not an Ed25519 public key in the pinned form. */
export function parsePinnedPublicKey(text: string): KeyObject {
  if (!text.startsWith(PINNED_PREFIX)) throw new Error(`expected ${PINNED_PREFIX}<base64url>`);
  const x = text.slice(PINNED_PREFIX.length);
  if (!/^[A-Za-z0-9_-]{43}$/.test(x)) throw new Error('expected 32 bytes, base64url');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
}
