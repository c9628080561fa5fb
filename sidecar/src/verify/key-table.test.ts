import { describe, expect, it } from 'vitest';
import { generateApiKey, hashApiKey } from '../contract/key-format';
import type { KeyEntity } from '../contract/sync';
import { digestOfHex, KeyTable } from './key-table';

const entity = (plaintext: string, appId: string, expiresAt: number | null = null): KeyEntity => ({
  hash: hashApiKey(plaintext),
  keyId: `key-${plaintext.slice(3, 9)}`,
  appId,
  expiresAt,
});
const lookup = (table: KeyTable, plaintext: string) => table.slotOf(digestOfHex(hashApiKey(plaintext)));

describe('compact key table', () => {
  it('a key synced under its hash (the portal convention) is found, and deleted by that id', () => {
    const table = new KeyTable();
    const key = generateApiKey();
    const e = entity(key, 'app-1', 123);
    table.put(e.hash, e);
    const slot = lookup(table, key);
    expect(table.entity(slot)).toEqual(e);
    table.put(e.hash, null);
    expect(lookup(table, key)).toBe(-1);
    expect(table.size).toBe(0);
  });

  it('a key synced under another id is deleted by that id, never by its hash', () => {
    const table = new KeyTable();
    const key = generateApiKey();
    const e = entity(key, 'app-1');
    table.put('key-a', e);
    table.put(e.hash, null);
    expect(lookup(table, key)).toBeGreaterThanOrEqual(0);
    table.put('key-a', null);
    expect(lookup(table, key)).toBe(-1);
  });

  it('an upsert replaces the key (a rotation to a new hash leaves the old one unknown) and slots are reused', () => {
    const table = new KeyTable();
    const [k1, k2, k3] = [generateApiKey(), generateApiKey(), generateApiKey()];
    table.put('key-a', entity(k1, 'app-1'));
    table.put('key-a', entity(k2, 'app-2', 5));
    expect(lookup(table, k1)).toBe(-1);
    const slot = lookup(table, k2);
    expect([table.appId(slot), table.expiresAt(slot)]).toEqual(['app-2', 5]);
    table.put('key-b', entity(k3, 'app-1'));
    expect(table.size).toBe(2);
    expect(table.expiresAt(lookup(table, k3))).toBeNull();
  });

  it('grows past its initial capacity without losing a key', () => {
    const table = new KeyTable();
    const keys = Array.from({ length: 3000 }, () => generateApiKey());
    for (const [i, k] of keys.entries()) table.put(hashApiKey(k), entity(k, `app-${i % 7}`, i));
    expect(keys.every((k, i) => table.expiresAt(lookup(table, k)) === i && table.appId(lookup(table, k)) === `app-${i % 7}`)).toBe(true);
  });

  it('after heavy random churn (upserts, deletions, rotations, reused slots) it answers exactly as a plain Map would', () => {
    let seed = 12345;
    const random = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    const table = new KeyTable();
    const plaintexts = Array.from({ length: 400 }, () => generateApiKey());
    const reference = new Map<string, KeyEntity>();
    for (let step = 0; step < 20_000; step++) {
      const id = `key-${Math.floor(random() * 300)}`;
      if (random() < 0.3) {
        table.put(id, null);
        reference.delete(id);
        continue;
      }
      const e = entity(plaintexts[Math.floor(random() * plaintexts.length)] as string, `app-${step % 5}`, step);
      e.keyId = `${id}-${'é'.repeat(step % 4)}`;
      table.put(id, e);
      // The newer key wins a hash that another id held.
      for (const [other, held] of reference) if (held.hash === e.hash) reference.delete(other);
      reference.set(id, e);
    }
    expect(table.size).toBe(reference.size);
    for (const e of reference.values()) expect(table.entity(table.slotOf(digestOfHex(e.hash)))).toEqual(e);
    const present = new Set([...reference.values()].map((e) => e.hash));
    const absent = plaintexts.filter((k) => !present.has(hashApiKey(k)));
    expect(absent.every((k) => lookup(table, k) === -1)).toBe(true);
  });
});
