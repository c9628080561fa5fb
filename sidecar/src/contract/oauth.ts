/**
 * OAuth2 client credentials (RFC 6749 section 4.4) as portal and sidecar share it: identifier shapes and the claims
 * of the access tokens the portal signs and the sidecar verifies offline. Web-standard APIs only, like the rest of
 * the contract.
 */

/** Every access token names this audience: it is good at any Gatehouse gateway, and nowhere else. */
export const GATEWAY_AUDIENCE = 'gatehouse-gateway';

/** Client ids are public; secrets are shown once and stored as SHA-256 (they are 256 random bits, so no KDF). */
export const CLIENT_ID_PREFIX = 'gci_';
export const CLIENT_SECRET_PREFIX = 'gcs_';

/** The token endpoint, relative to the portal's origin. */
export const TOKEN_PATH = '/api/oauth/token';

/**
 * What the sidecar relies on in a token's payload. `sub` is the client id: the sidecar maps it to an application
 * through the synced `client` entities rather than trusting an application claim, so revocation takes effect
 * without waiting for the token to expire.
 */
export interface AccessTokenClaims {
  iss: string;
  aud: string;
  sub: string;
  iat: number;
  nbf: number;
  exp: number;
  jti: string;
}
