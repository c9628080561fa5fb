import { verify } from 'node:crypto';
import type { CacheIndex } from '../cache/cache-index';
import { GATEWAY_AUDIENCE } from '../contract/oauth';
import type { CompiledSigningKey } from './signing-keys';

export type TokenVerdict = { ok: true; clientId: string; appId: string } | { ok: false; code: 'TOKEN_INVALID' | 'TOKEN_EXPIRED' };

/** Far above any token the portal issues; caps what a hostile caller can make us decode. */
const MAX_TOKEN_LENGTH = 4096;
/** Tolerated clock difference between portal and sidecar for `nbf`, so a fresh token is not refused for a skew. */
const NBF_SKEW_MS = 30_000;
const ED25519_SIGNATURE_BYTES = 64;
const INVALID = { ok: false, code: 'TOKEN_INVALID' } as const;

/**
 * Tokens whose signature and claims already checked out, by their exact text. An Ed25519 verification costs ~100 us,
 * as much as proxying; a client reuses its token for minutes, so each token pays it once. What can change while a
 * token is cached is still judged per request: its key must be the very key object synced now, and its expiry and
 * client are checked against the clock and the index. Bounded: cleared when full (a flood of distinct valid tokens
 * needs the portal's signing keys).
 */
interface VerifiedToken {
  kid: string;
  signingKey: CompiledSigningKey;
  sub: string;
  expMs: number;
}
const verified = new Map<string, VerifiedToken>();
const MAX_VERIFIED = 10_000;

/**
 * Verifies an OAuth access token (a compact JWS) offline: the signing key by `kid` from the synced JWKS, the
 * signature, the claims by the sidecar's own clock, then the client, which must still be synced: a revoked secret
 * or a deleted application removes it, so its tokens stop working within one sync, before they expire.
 * Synchronous (node:crypto) so the request path stays one synchronous decision.
 */
export function verifyAccessToken(token: string, index: CacheIndex, now: number): TokenVerdict {
  let known = verified.get(token);
  // A key re-synced or withdrawn since (or a snapshot's new index) means verifying again against what is synced now.
  if (known && index.signingKey(known.kid) !== known.signingKey) known = undefined;
  known ??= verifySignedToken(token, index, now) ?? undefined;
  if (!known || now >= known.signingKey.entity.notAfter) return INVALID;
  if (now >= known.expMs) return { ok: false, code: 'TOKEN_EXPIRED' };
  const client = index.client(known.sub);
  if (!client) return INVALID;
  return { ok: true, clientId: client.clientId, appId: client.appId };
}

/** The expensive half: decode, find the key, verify the signature and the static claims. Null when invalid. */
function verifySignedToken(token: string, index: CacheIndex, now: number): VerifiedToken | null {
  if (token.length > MAX_TOKEN_LENGTH) return null;
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [encodedHeader, encodedPayload, encodedSignature] = parts as [string, string, string];

  const header = decodeJson(encodedHeader);
  if (header?.alg !== 'EdDSA' || typeof header.kid !== 'string') return null;
  const signingKey = index.signingKey(header.kid);
  if (!signingKey?.publicKey) return null;

  const signature = Buffer.from(encodedSignature, 'base64url');
  if (signature.length !== ED25519_SIGNATURE_BYTES) return null;
  const signed = Buffer.from(`${encodedHeader}.${encodedPayload}`, 'latin1');
  if (!verify(null, signed, signingKey.publicKey, signature)) return null;

  const claims = decodeJson(encodedPayload);
  if (!claims || claims.iss !== signingKey.entity.issuer || !hasAudience(claims.aud)) return null;
  if (typeof claims.exp !== 'number' || typeof claims.sub !== 'string') return null;
  // Not yet valid is not cached: the same token becomes good later.
  if (typeof claims.nbf === 'number' && now + NBF_SKEW_MS < claims.nbf * 1000) return null;

  const entry: VerifiedToken = { kid: header.kid, signingKey, sub: claims.sub, expMs: claims.exp * 1000 };
  if (verified.size >= MAX_VERIFIED) verified.clear();
  verified.set(token, entry);
  return entry;
}

function decodeJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function hasAudience(aud: unknown): boolean {
  return aud === GATEWAY_AUDIENCE || (Array.isArray(aud) && aud.includes(GATEWAY_AUDIENCE));
}
