import { createHash, randomBytes } from 'node:crypto';

/** Personal access tokens look like `gpat_` + 40 base62 characters: recognisable to people and secret scanners. */
export const PAT_PREFIX = 'gpat_';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const PAT_PATTERN = /^gpat_[0-9A-Za-z]{40}$/;

export function generatePersonalToken(): string {
  let out = PAT_PREFIX;
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 62).
  while (out.length < PAT_PREFIX.length + 40) {
    for (const b of randomBytes(48)) {
      if (b < 248 && out.length < PAT_PREFIX.length + 40) out += BASE62[b % 62];
    }
  }
  return out;
}

export const isPersonalTokenShape = (token: string) => PAT_PATTERN.test(token);
export const hashPersonalToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const personalTokenDisplayPrefix = (token: string) => token.slice(0, PAT_PREFIX.length + 6);
