import type { KeyEntity } from '../contract/sync';
import { StringPool } from './string-pool';

const HEX_SHA256 = /^[0-9a-f]{64}$/;
const DIGEST_BYTES = 32;
const DIGEST_INTS = DIGEST_BYTES / 4;

/** A key hash as the request path presents it: the 32 digest bytes as a one-byte (latin1) string. */
export function digestOfHex(hex: string): string {
  return Buffer.from(hex, 'hex').toString('latin1');
}

/**
 * The synced keys, compact enough for a million of them well inside the sidecar's memory target, and with almost
 * nothing for the garbage collector to trace: per-slot columns in typed arrays (the 32 digest bytes, the app as an
 * interned number, the expiry, the key id in a byte pool) and an open-addressing hash table of slot numbers (linear
 * probing), in place of a Map of strings and one object per key: about 60 bytes a key plus its key id's.
 * Keys are addressed by sync id for upserts and deletions; the portal uses the hash as the id, so only ids that
 * differ from their hash need a Map of their own.
 */
export class KeyTable {
  private capacity = 0;
  private digests = new Uint8Array(0);
  /** The same bytes as 32-bit words, for comparing a digest in 8 reads. */
  private digestWords = new Int32Array(0);
  private apps = new Int32Array(0);
  /**
   * Epoch ms + 1, 0 for a key that never expires (so untouched pages stay zero and never become resident); made
   * only once some key expires, as many environments have no expiring keys at all.
   */
  private expiries: Float64Array | null = null;
  private readonly keyIds = new StringPool();
  /** Slot + 1 per bucket, 0 for an empty bucket; a power of two, at least 1.4 buckets a slot (at most 71% full). */
  private buckets = new Int32Array(0);
  private used = 0;
  private readonly freeSlots: number[] = [];
  /** Only for keys synced under an id other than their own hash. */
  private readonly slotByOtherId = new Map<string, number>();
  private readonly otherIdBySlot = new Map<number, string>();
  /** Interned for the life of the table (a snapshot builds a new one), so a key costs 4 bytes for its app. */
  private readonly appIds: string[] = [];
  private readonly appNumbers = new Map<string, number>();
  private readonly probe = Buffer.alloc(DIGEST_BYTES);
  private readonly probeWords = new Int32Array(this.probe.buffer, this.probe.byteOffset, DIGEST_INTS);
  private size_ = 0;

  constructor(expectedKeys = 0) {
    this.grow(Math.max(1024, expectedKeys));
  }

  get size(): number {
    return this.size_;
  }

  /**
   * Makes room for this many keys (and key ids of this many UTF-8 bytes) at once, so that a snapshot or a load does
   * not grow and copy step by step, leaving freed copies behind in the process's memory.
   */
  reserve(keys: number, keyIdBytes = 0): void {
    // An eighth more, so that the deltas after a load or a snapshot add keys without copying the table at once.
    // Pages of it that no key has touched yet cost no resident memory.
    const wanted = keys + (keys >> 3);
    if (wanted > this.capacity) this.grow(wanted);
    if (keyIdBytes > 0) this.keyIds.reserveBytes(keyIdBytes + (keyIdBytes >> 3));
  }

  put(id: string, entity: KeyEntity | null): void {
    const old = this.slotOfId(id);
    if (old >= 0) this.remove(old);
    if (entity === null) return;
    this.probe.write(entity.hash, 0, DIGEST_BYTES, 'hex');
    this.insert(id === entity.hash ? null : id, entity.keyId, entity.appId, entity.expiresAt);
  }

  /**
   * The load path (cache file -> empty table), straight from a stored block: the 32 hash bytes at `hashAt`, the key
   * id's UTF-8 bytes at `keyIdAt`, the app as numbered by `internApp`. `otherId` is the sync id when it is not the
   * key's own hash, else null. The file holds one key per hash, so neither the id nor the digest is looked up first.
   */
  loadEncoded(src: Uint8Array, hashAt: number, keyIdAt: number, keyIdLength: number, app: number, expiresAt: number | null, otherId: string | null): void {
    if (this.size_ + 1 > this.capacity) this.grow(Math.ceil(this.capacity * 1.5));
    const slot = this.freeSlots.pop() ?? this.used++;
    const digests = this.digests;
    const to = slot * DIGEST_BYTES;
    for (let i = 0; i < DIGEST_BYTES; i++) digests[to + i] = src[hashAt + i] as number;
    this.apps[slot] = app;
    this.setExpiry(slot, expiresAt);
    this.keyIds.setBytes(slot, src, keyIdAt, keyIdLength);
    if (otherId !== null) {
      this.slotByOtherId.set(otherId, slot);
      this.otherIdBySlot.set(slot, otherId);
    }
    this.buckets[this.emptyBucketFor(slot)] = slot + 1;
    this.size_ += 1;
  }

  /** The table's own copy of this app id (interned if new), for other indexes to share rather than duplicate. */
  sharedAppId(appId: string): string {
    return this.appIds[this.appNumber(appId)] as string;
  }

  /** The number `loadEncoded` takes for this app id. */
  internApp(appId: string): number {
    return this.appNumber(appId);
  }

  /** The slot of the key with this SHA-256 digest (latin1 string, see `digestOfHex`), or -1. The request path's lookup. */
  slotOf(digest: string): number {
    this.probe.write(digest, 0, DIGEST_BYTES, 'latin1');
    return this.findProbe();
  }

  appId(slot: number): string {
    return this.appIds[this.apps[slot] as number] as string;
  }

  keyId(slot: number): string {
    return this.keyIds.get(slot);
  }

  expiresAt(slot: number): number | null {
    const at = this.expiries === null ? 0 : (this.expiries[slot] as number);
    return at === 0 ? null : at - 1;
  }

  /** The entity as synced; allocates, so it is for tests and tools, not the request path. */
  entity(slot: number): KeyEntity {
    const hash = Buffer.from(this.digests.subarray(slot * DIGEST_BYTES, (slot + 1) * DIGEST_BYTES)).toString('hex');
    return { hash, keyId: this.keyId(slot), appId: this.appId(slot), expiresAt: this.expiresAt(slot) };
  }

  /** Inserts the key whose digest is in `probe`; a key already holding that digest is replaced (the newer wins). */
  private insert(otherId: string | null, keyId: string, appId: string, expiresAt: number | null): void {
    const clash = this.findProbe();
    if (clash >= 0) this.remove(clash);
    if (this.size_ + 1 > this.capacity) this.grow(Math.ceil(this.capacity * 1.5));
    const slot = this.freeSlots.pop() ?? this.used++;
    this.digests.set(this.probe, slot * DIGEST_BYTES);
    this.apps[slot] = this.appNumber(appId);
    this.setExpiry(slot, expiresAt);
    this.keyIds.set(slot, keyId);
    if (otherId !== null) {
      this.slotByOtherId.set(otherId, slot);
      this.otherIdBySlot.set(slot, otherId);
    }
    this.buckets[this.emptyBucketFor(slot)] = slot + 1;
    this.size_ += 1;
  }

  private slotOfId(id: string): number {
    const other = this.slotByOtherId.get(id);
    if (other !== undefined) return other;
    if (!HEX_SHA256.test(id)) return -1;
    this.probe.write(id, 0, DIGEST_BYTES, 'hex');
    const slot = this.findProbe();
    // The digest may belong to a key synced under another id; only a key whose id is its hash matches here.
    return slot >= 0 && !this.otherIdBySlot.has(slot) ? slot : -1;
  }

  private findProbe(): number {
    const buckets = this.buckets;
    const mask = buckets.length - 1;
    const words = this.digestWords;
    const probe = this.probeWords;
    for (let b = (probe[0] as number) & mask; ; b = (b + 1) & mask) {
      const entry = buckets[b] as number;
      if (entry === 0) return -1;
      const base = (entry - 1) * DIGEST_INTS;
      let i = 0;
      while (i < DIGEST_INTS && words[base + i] === probe[i]) i++;
      if (i === DIGEST_INTS) return entry - 1;
    }
  }

  private home(slot: number): number {
    return (this.digestWords[slot * DIGEST_INTS] as number) & (this.buckets.length - 1);
  }

  private emptyBucketFor(slot: number): number {
    const mask = this.buckets.length - 1;
    let b = this.home(slot);
    while (this.buckets[b] !== 0) b = (b + 1) & mask;
    return b;
  }

  /** Linear probing's backward-shift deletion: no tombstones, so lookups never slow down with churn. */
  private remove(slot: number): void {
    const buckets = this.buckets;
    const mask = buckets.length - 1;
    let hole = this.home(slot);
    while (buckets[hole] !== slot + 1) hole = (hole + 1) & mask;
    buckets[hole] = 0;
    for (let b = (hole + 1) & mask; buckets[b] !== 0; b = (b + 1) & mask) {
      const home = this.home((buckets[b] as number) - 1);
      // Move the entry back into the hole unless its home lies cyclically in (hole, b].
      const stays = hole <= b ? home > hole && home <= b : home > hole || home <= b;
      if (!stays) {
        buckets[hole] = buckets[b] as number;
        buckets[b] = 0;
        hole = b;
      }
    }
    const otherId = this.otherIdBySlot.get(slot);
    if (otherId !== undefined) {
      this.slotByOtherId.delete(otherId);
      this.otherIdBySlot.delete(slot);
    }
    this.keyIds.delete(slot);
    this.setExpiry(slot, null);
    this.digests.fill(0, slot * DIGEST_BYTES, (slot + 1) * DIGEST_BYTES);
    this.freeSlots.push(slot);
    this.size_ -= 1;
  }

  private setExpiry(slot: number, expiresAt: number | null): void {
    if (expiresAt === null && this.expiries === null) return;
    this.expiries ??= new Float64Array(this.capacity);
    this.expiries[slot] = expiresAt === null ? 0 : expiresAt + 1;
  }

  private appNumber(appId: string): number {
    let n = this.appNumbers.get(appId);
    if (n === undefined) {
      n = this.appIds.push(appId) - 1;
      this.appNumbers.set(appId, n);
    }
    return n;
  }

  private grow(capacity: number): void {
    const digests = new Uint8Array(capacity * DIGEST_BYTES);
    digests.set(this.digests);
    this.digests = digests;
    this.digestWords = new Int32Array(digests.buffer);
    const apps = new Int32Array(capacity);
    apps.set(this.apps);
    this.apps = apps;
    if (this.expiries !== null) {
      const expiries = new Float64Array(capacity);
      expiries.set(this.expiries);
      this.expiries = expiries;
    }
    this.keyIds.reserve(capacity);
    this.capacity = capacity;
    let bucketCount = 1;
    while (bucketCount < capacity * 1.4) bucketCount *= 2;
    this.buckets = new Int32Array(bucketCount);
    for (let slot = 0; slot < this.used; slot++) {
      if (this.keyIds.has(slot)) this.buckets[this.emptyBucketFor(slot)] = slot + 1;
    }
  }
}
