import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import { CLIENT_SECRET_PREFIX } from '@gatehouse/sidecar/contract/oauth';

/** 256 random bits: too much entropy to guess, so a plain SHA-256 (no slow KDF) is a safe way to store it. */
export function generateClientSecret(): string {
  return `${CLIENT_SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashClientSecret(secret: string): string {
  return hash('sha256', secret, 'hex');
}

/** Enough to recognise a secret in a list, far too little to use. */
export function secretDisplayPrefix(secret: string): string {
  return secret.slice(0, CLIENT_SECRET_PREFIX.length + 4);
}

/** Compares in constant time, so response timing does not reveal how much of a guessed secret matched. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashClientSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
