export interface OAuthClientRow {
  id: string;
  name: string;
  secret_prefix: string;
  created_at: string;
  revoked_at: string | null;
  last_token_at: string | null;
}

/** The only shape in which a client leaves the portal: never the secret, never its hash. */
export function toOAuthClientDto(c: OAuthClientRow) {
  return {
    clientId: c.id,
    name: c.name,
    secretPrefix: c.secret_prefix,
    status: c.revoked_at ? ('revoked' as const) : ('active' as const),
    createdAt: c.created_at,
    revokedAt: c.revoked_at,
    lastTokenAt: c.last_token_at,
  };
}
