/**
 * Lifetimes of the client-credentials machinery, read once. Tokens are short-lived because a sidecar also stops
 * them early (a revoked client leaves the sync feed); rotation bounds how long one private key signs.
 */
function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${raw}`);
  return value;
}

export interface OAuthTimings {
  /** Lifetime of an access token. */
  tokenTtlMs: number;
  /** How long one key signs before the next one takes over. */
  rotationMs: number;
  /** How long before taking over the next key is already published, so sidecars hold it before its first token. */
  publishLeadMs: number;
}

export function oauthTimings(): OAuthTimings {
  const rotationMs = positiveNumber('GATEHOUSE_OAUTH_KEY_ROTATION_HOURS', 24) * 3_600_000;
  return {
    tokenTtlMs: positiveNumber('GATEHOUSE_OAUTH_TOKEN_TTL_SECONDS', 300) * 1000,
    rotationMs,
    publishLeadMs: Math.min(rotationMs / 4, 600_000),
  };
}
