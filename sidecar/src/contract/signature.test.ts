import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parsePinnedPublicKey, pinnedPublicKey, signBody, verifyBody } from './signature';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const body = Buffer.from('{"protocol":1}');

describe('sync signatures', () => {
  it('verifies a body signed by the pinned key, through the pinned text form', () => {
    const pinned = parsePinnedPublicKey(pinnedPublicKey(publicKey));
    expect(verifyBody(body, signBody(body, privateKey), pinned)).toBe(true);
  });

  it('rejects a changed body, another key, a missing or garbled signature', () => {
    const other = generateKeyPairSync('ed25519');
    const sig = signBody(body, privateKey);
    expect(verifyBody(Buffer.from('{"protocol":2}'), sig, publicKey)).toBe(false);
    expect(verifyBody(body, signBody(body, other.privateKey), publicKey)).toBe(false);
    expect(verifyBody(body, null, publicKey)).toBe(false);
    expect(verifyBody(body, 'not base64 at all', publicKey)).toBe(false);
  });

  it('refuses a pinned key that is not in the ed25519:<base64url> form', () => {
    expect(() => parsePinnedPublicKey('abc')).toThrow();
    expect(() => parsePinnedPublicKey('ed25519:short')).toThrow();
  });
});
