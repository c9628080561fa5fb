import 'server-only';
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pinnedPublicKey } from '@gatehouse/sidecar/contract/signature';

export const SIGNING_KEY_FILE = 'sync-signing-key.pem';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** `ed25519:<base64url>`: what an operator passes to a sidecar as `--portal-public-key`. */
  pinned: string;
}

/**
 * Loads the portal's Ed25519 sync signing key from the data directory, creating it on first start. The file is
 * created exclusively (`wx`): when the start script and the portal race to create it, one wins and both then read
 * the same key, so a sidecar never pins a key the portal does not sign with. Mode 0600: it is the portal's only
 * secret that gateways trust.
 */
export function loadOrCreateSigningKey(dir: string): SigningKey {
  const file = path.join(dir, SIGNING_KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    try {
      fs.writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return signingKeyFromPem(fs.readFileSync(file, 'utf8'), file);
}

/** A signing key from its PKCS#8 PEM; `source` names where it came from, for the error an operator reads. */
export function signingKeyFromPem(pem: string, source: string): SigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${source} does not hold an Ed25519 private key`);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, pinned: pinnedPublicKey(publicKey) };
}
