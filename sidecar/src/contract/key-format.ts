import { randomBytes } from 'node:crypto';
import { hash } from 'node:crypto';

/**
 * API key format (DESIGN.md, Keys): `gk_` + 32 random base62 characters + 6 base62 characters of the CRC32 of
 * those 32. The checksum lets the sidecar and secret scanners reject a malformed key without any lookup.
 */
export const KEY_PREFIX = 'gk_';
const ENTROPY_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
export const KEY_LENGTH = KEY_PREFIX.length + ENTROPY_LENGTH + CHECKSUM_LENGTH;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE62_INDEX = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE62.length; i++) BASE62_INDEX[BASE62.charCodeAt(i)] = i;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC32 (IEEE) of an ASCII string; the key alphabet is ASCII, so char codes are bytes. */
export function crc32(text: string, start = 0, end = text.length): number {
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) {
    crc = (CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] as number) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function checksumOf(key: string, start: number, end: number): string {
  let value = crc32(key, start, end);
  let out = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = BASE62[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

/** Generates a fresh key. Rejection sampling keeps every base62 character equally likely. */
export function generateApiKey(): string {
  let entropy = '';
  while (entropy.length < ENTROPY_LENGTH) {
    for (const byte of randomBytes(48)) {
      if (byte < 248 && entropy.length < ENTROPY_LENGTH) entropy += BASE62[byte % 62];
    }
  }
  return KEY_PREFIX + entropy + checksumOf(entropy, 0, ENTROPY_LENGTH);
}

/** True when the string has the key's shape and its checksum matches. Allocation-free: it runs per request. */
export function isWellFormedApiKey(key: string): boolean {
  if (key.length !== KEY_LENGTH || !key.startsWith(KEY_PREFIX)) return false;
  for (let i = KEY_PREFIX.length; i < KEY_LENGTH; i++) {
    const code = key.charCodeAt(i);
    if (code > 127 || (BASE62_INDEX[code] as number) < 0) return false;
  }
  const entropyEnd = KEY_PREFIX.length + ENTROPY_LENGTH;
  let value = crc32(key, KEY_PREFIX.length, entropyEnd);
  for (let i = KEY_LENGTH - 1; i >= entropyEnd; i--) {
    if (BASE62_INDEX[key.charCodeAt(i)] !== value % 62) return false;
    value = Math.floor(value / 62);
  }
  return value === 0;
}

/**
 * The only form in which a key is stored or synced: hex SHA-256 of the whole key. Node's one-shot `crypto.hash`
 * rather than Web Crypto because it is synchronous and ~5x cheaper on the sidecar's per-request path.
 */
export function hashApiKey(key: string): string {
  return hash('sha256', key, 'hex');
}

/** What the portal shows in lists: enough to recognise a key, far too little to use it. */
export function displayPrefix(key: string): string {
  return key.slice(0, KEY_PREFIX.length + 6);
}
