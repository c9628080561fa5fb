export interface KeyRow {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

export function keyStatus(k: KeyRow, now = Date.now()): 'active' | 'revoked' | 'expired' {
  if (k.revoked_at) return 'revoked';
  if (k.expires_at && Date.parse(k.expires_at) <= now) return 'expired';
  return 'active';
}

/** The only shape in which a stored key leaves the portal: never the hash, never the plaintext. */
export function toKeyDto(k: KeyRow) {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    status: keyStatus(k),
    createdAt: k.created_at,
    expiresAt: k.expires_at,
    revokedAt: k.revoked_at,
    lastUsedAt: k.last_used_at,
  };
}
