import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { pinnedPublicKey, signBody } from '../contract/signature';

/** The fake portal's signing key pair, made once per test process; sidecars under test pin its public half. */
const pair = generateKeyPairSync('ed25519');

export const TEST_PORTAL_KEY: { privateKey: KeyObject; publicKey: KeyObject; pinned: string } = {
  ...pair,
  pinned: pinnedPublicKey(pair.publicKey),
};

/** A key pair the sidecar does not pin: what a forger (or a portal with a rotated key) would sign with. */
export function strangerKey(): KeyObject {
  return generateKeyPairSync('ed25519').privateKey;
}

export function signWithTestKey(body: Uint8Array, privateKey: KeyObject = TEST_PORTAL_KEY.privateKey): string {
  return signBody(body, privateKey);
}
