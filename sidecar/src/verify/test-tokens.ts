import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { GATEWAY_AUDIENCE } from '../contract/oauth';
import type { ClientEntity, JwkEntity, SyncChange } from '../contract/sync';

export const TEST_ISSUER = 'http://portal.test';

/**
 * A token signer for tests, made with jose as the portal makes its tokens, so the sidecar's own verification is
 * checked against an independent implementation. Test support only: the sidecar does not depend on jose.
 */
export async function testSigner(kid: string, notAfter: number) {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const { x } = await exportJWK(publicKey);
  const entity: JwkEntity = { kid, alg: 'EdDSA', jwk: { kty: 'OKP', crv: 'Ed25519', x: x as string }, issuer: TEST_ISSUER, notAfter };
  return {
    change: { kind: 'jwk', id: kid, data: entity } satisfies SyncChange,
    /** Signs a token for `clientId` issued at `iatMs`; `overrides` replace claims or the header's kid. */
    sign(clientId: string, iatMs: number, ttlS = 300, overrides: { kid?: string; iss?: string; aud?: string } = {}) {
      const iat = Math.floor(iatMs / 1000);
      return new SignJWT({})
        .setProtectedHeader({ alg: 'EdDSA', kid: overrides.kid ?? kid, typ: 'at+jwt' })
        .setIssuer(overrides.iss ?? TEST_ISSUER)
        .setAudience(overrides.aud ?? GATEWAY_AUDIENCE)
        .setSubject(clientId)
        .setIssuedAt(iat)
        .setNotBefore(iat)
        .setExpirationTime(iat + ttlS)
        .setJti(`jti-${clientId}-${iat}`)
        .sign(privateKey);
    },
  };
}

export const clientChange = (clientId: string, appId: string): SyncChange => ({
  kind: 'client',
  id: clientId,
  data: { clientId, appId } satisfies ClientEntity,
});
