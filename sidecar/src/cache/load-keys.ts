import type { KeyTable } from '../verify/key-table';
import type { CacheStatements } from './cache-db';
import { forEachInBlock } from './key-block-codec';

/**
 * Cache file -> in-memory key table, without a string, an object or an allocation per key: app ids are interned
 * once from key_apps, then each block's keys are copied byte for byte (hash, key id) into the table's columns.
 * Throws on a block that does not decode, or that refers to an app the file does not hold: the caller then treats
 * the file as corrupt.
 */
export function loadKeys(sql: CacheStatements, keys: KeyTable): void {
  // Iterated, not fetched as one array: 100k rows alive at once survived young-generation collections, and V8
  // answers a high survival rate by growing the young generation for good (tens of MiB resident).
  const tableApp = new Int32Array((sql.highestKeyApp.get() ?? 0) + 1).fill(-1);
  for (const [n, appId] of sql.selectAllKeyApps.iterate()) tableApp[n] = keys.internApp(appId);
  const [count, keyIdBytes] = sql.keyBlockTotals.get() ?? [0, 0];
  keys.reserve(count, keyIdBytes);
  // Every block is decoded into this one buffer, grown as needed: reading tens of MiB of BLOBs as a Buffer each
  // left about 20 MiB more resident after they were freed (measured at a million keys, against a 256 MiB target).
  let scratch = Buffer.alloc(0);
  for (const hex of sql.selectAllKeyBlocksHex.iterate()) {
    if (hex.length / 2 > scratch.length) scratch = Buffer.alloc(Math.max(hex.length, scratch.length * 2));
    const block = scratch.subarray(0, scratch.write(hex, 0, 'hex'));
    forEachInBlock(block, (c) => {
      const app = c.appNumber < tableApp.length ? (tableApp[c.appNumber] as number) : -1;
      if (app < 0) throw new Error(`a key block refers to app number ${c.appNumber}, which the file does not hold`);
      const otherId = c.otherIdLength === 0 ? null : block.toString('utf8', c.otherIdAt, c.otherIdAt + c.otherIdLength);
      keys.loadEncoded(block, c.hashAt, c.keyIdAt, c.keyIdLength, app, c.expiresAt, otherId);
    });
  }
}
