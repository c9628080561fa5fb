import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Prefixed random ids (`app_3k9...`): readable in logs and URLs, and their kind is obvious in a support ticket. */
export function newId(prefix: string, length = 16): string {
  const bytes = randomBytes(length);
  let out = `${prefix}_`;
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

export function nowIso(clock: () => number = Date.now): string {
  return new Date(clock()).toISOString();
}
