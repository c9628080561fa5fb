import { createPublicKey, type KeyObject } from 'node:crypto';
import type { JwkEntity } from '../contract/sync';

/** A synced token signing key with its public key imported once, at sync time, instead of on every request. */
export interface CompiledSigningKey {
  entity: JwkEntity;
  /** Null when the key cannot be imported: tokens naming it are then rejected like those of an unknown kid. */
  publicKey: KeyObject | null;
}

export function compileSigningKey(entity: JwkEntity): CompiledSigningKey {
  try {
    return { entity, publicKey: createPublicKey({ key: entity.jwk, format: 'jwk' }) };
  } catch {
    // The schema admits any 43 base64url characters; a value that is not a curve point must not fail the whole sync.
    return { entity, publicKey: null };
  }
}
