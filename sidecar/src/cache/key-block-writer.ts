import type { KeyEntity } from '../contract/sync';
import type { CacheStatements } from './cache-db';
import { type BlockEntry, blockOfHex, decodeBlock, encodeBlock } from './key-block-codec';

const HEX_SHA256 = /^[0-9a-f]{64}$/;

export interface KeyChange {
  id: string;
  data: KeyEntity | null;
}

/**
 * Writes key changes into the key blocks (key-block-codec.ts) inside the caller's transaction, with the addressing
 * of the in-memory table's `put` (verify/key-table.ts), so that a restart loads exactly what was served: an id is
 * either the key's own hash or an "other id" (kept in key_other_ids), and of two keys with one hash the newer wins.
 * A snapshot starts from nothing and reads nothing; a delta reads and rewrites only the blocks it touches.
 */
export function writeKeyChanges(sql: CacheStatements, changes: readonly KeyChange[], snapshot: boolean): void {
  if (snapshot) {
    sql.deleteAllKeyBlocks.run();
    sql.deleteAllOtherIds.run();
    sql.deleteAllKeyApps.run();
  }
  /** The touched blocks, by hash. Stored entries keep their app number: no app id is looked up for a key left as is. */
  const blocks = new Map<number, Map<string, BlockEntry>>();
  /** Other ids changed by this answer: id -> hash, or null once removed. */
  const otherIds = new Map<string, string | null>();
  const apps = new AppNumbers(sql, snapshot);

  const block = (hash: string) => {
    const n = blockOfHex(hash);
    let entries = blocks.get(n);
    if (entries === undefined) {
      entries = new Map();
      const row = snapshot ? undefined : sql.selectKeyBlock.get(n);
      for (const e of row ? decodeBlock(row.data) : []) entries.set(e.hash, e);
      blocks.set(n, entries);
    }
    return entries;
  };
  const hashOfOtherId = (id: string): string | null => {
    const known = otherIds.get(id);
    if (known !== undefined) return known;
    return snapshot ? null : (sql.selectOtherId.get(id)?.hash ?? null);
  };
  const removeHash = (hash: string) => {
    const entries = block(hash);
    const old = entries.get(hash);
    if (old === undefined) return;
    entries.delete(hash);
    if (old.otherId !== null) otherIds.set(old.otherId, null);
  };

  for (const { id, data } of changes) {
    const held = hashOfOtherId(id);
    if (held !== null) removeHash(held);
    else if (HEX_SHA256.test(id) && block(id).get(id)?.otherId === null) block(id).delete(id);
    if (data === null) continue;
    removeHash(data.hash);
    const otherId = id === data.hash ? null : id;
    block(data.hash).set(data.hash, { hash: data.hash, otherId, keyId: data.keyId, appNumber: apps.numberOf(data.appId), expiresAt: data.expiresAt });
    if (otherId !== null) otherIds.set(otherId, data.hash);
  }

  for (const n of [...blocks.keys()].sort((a, b) => a - b)) {
    const entries = [...(blocks.get(n) as Map<string, BlockEntry>).values()];
    if (entries.length === 0) sql.deleteKeyBlock.run(n);
    else sql.upsertKeyBlock.run(n, entries.length, encodeBlock(entries));
  }
  for (const [id, hash] of otherIds) {
    if (hash === null) sql.deleteOtherId.run(id);
    else sql.upsertOtherId.run(id, hash);
  }
}

/**
 * App ids are stored once (key_apps) and referenced by number from the blocks: many keys share an app. Numbers are
 * never reused; an app no key refers to any more stays until the next snapshot rewrites the table.
 */
class AppNumbers {
  private readonly numbers = new Map<string, number>();
  constructor(
    private readonly sql: CacheStatements,
    private readonly fresh: boolean,
  ) {}

  numberOf(appId: string): number {
    let n = this.numbers.get(appId);
    if (n === undefined) {
      n = this.fresh ? undefined : this.sql.selectKeyAppNumber.get(appId)?.n;
      n ??= Number(this.sql.insertKeyApp.run(appId).lastInsertRowid);
      this.numbers.set(appId, n);
    }
    return n;
  }
}
