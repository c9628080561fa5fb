import { describe, expect, it } from 'vitest';
import { displayPrefix, generateApiKey, hashApiKey, isWellFormedApiKey, KEY_LENGTH } from './key-format';

describe('API key format', () => {
  it('generated keys are well formed: gk_ + 32 base62 + 6 base62 checksum', () => {
    for (let i = 0; i < 200; i++) {
      const key = generateApiKey();
      expect(key).toMatch(/^gk_[0-9A-Za-z]{38}$/);
      expect(key).toHaveLength(KEY_LENGTH);
      expect(isWellFormedApiKey(key)).toBe(true);
    }
  });

  it('a tampered checksum is rejected without any lookup', () => {
    const key = generateApiKey();
    const last = key.at(-1) === 'a' ? 'b' : 'a';
    expect(isWellFormedApiKey(key.slice(0, -1) + last)).toBe(false);
  });

  it('a tampered body with the old checksum is rejected', () => {
    const key = generateApiKey();
    const flipped = key[5] === 'x' ? 'y' : 'x';
    expect(isWellFormedApiKey(key.slice(0, 5) + flipped + key.slice(6))).toBe(false);
  });

  it('wrong lengths are rejected', () => {
    const key = generateApiKey();
    expect(isWellFormedApiKey(key.slice(0, -1))).toBe(false);
    expect(isWellFormedApiKey(`${key}a`)).toBe(false);
    expect(isWellFormedApiKey('')).toBe(false);
  });

  it('non-base62 characters and a wrong prefix are rejected', () => {
    const key = generateApiKey();
    expect(isWellFormedApiKey(`${key.slice(0, 10)}-${key.slice(11)}`)).toBe(false);
    expect(isWellFormedApiKey(`${key.slice(0, 10)}é${key.slice(11)}`)).toBe(false);
    expect(isWellFormedApiKey(`gx_${key.slice(3)}`)).toBe(false);
  });

  it('the stored form is a hex SHA-256 and the display prefix is too short to use', () => {
    const key = generateApiKey();
    expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey(key)).toBe(hashApiKey(key));
    expect(displayPrefix(key)).toBe(key.slice(0, 9));
  });
});
