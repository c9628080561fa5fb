import 'server-only';
import { GATEWAY_AUDIENCE } from '@gatehouse/sidecar/contract/oauth';
import { importJWK, SignJWT } from 'jose';
import type { Db } from '../db/client';
import { newId, nowIso } from '../ids';
import { portalOrigin } from '../portal-origin';
import type { ClientCredentials } from './parse-token-request';
import { secretMatches } from './client-secret';
import { oauthTimings, type OAuthTimings } from './oauth-config';
import { OAuthError } from './oauth-error';
import { currentSigningKey } from './signing-keys';

export interface IssuedToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

/**
 * The client-credentials grant: authenticate the client by its secret, then sign a short-lived JWT naming it. The
 * token carries no application or subscription: gateways map the client to its application through their synced
 * state, so a revocation there stops the token before it expires.
 */
export async function issueAccessToken(db: Db, credentials: ClientCredentials, now = Date.now(), timings: OAuthTimings = oauthTimings()): Promise<IssuedToken> {
  const client = await db
    .selectFrom('oauth_clients')
    .where('id', '=', credentials.clientId)
    .select(['id', 'secret_hash', 'revoked_at'])
    .executeTakeFirst();
  // One answer for unknown, wrong and revoked: the endpoint does not confirm which client ids exist.
  if (!client || client.revoked_at || !secretMatches(credentials.clientSecret, client.secret_hash)) {
    throw new OAuthError('invalid_client', 'Client authentication failed');
  }
  const key = await currentSigningKey(db, now, timings);
  const iat = Math.floor(now / 1000);
  const expiresIn = Math.floor(timings.tokenTtlMs / 1000);
  const token = await new SignJWT({ client_id: client.id })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'at+jwt' })
    .setIssuer(portalOrigin())
    .setAudience(GATEWAY_AUDIENCE)
    .setSubject(client.id)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + expiresIn)
    .setJti(newId('jti', 16))
    .sign(await importJWK(JSON.parse(key.private_jwk), 'EdDSA'));
  await db.updateTable('oauth_clients').set({ last_token_at: nowIso(() => now) }).where('id', '=', client.id).execute();
  return { access_token: token, token_type: 'Bearer', expires_in: expiresIn };
}
