import type { KeyEntity } from '../contract/sync';

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** A key hash as the table stores it: the 32 digest bytes as a one-byte string, half the size of its hex form. */
export function digestOfHex(hex: string): string {
  return Buffer.from(hex, 'hex').toString('latin1');
}

/**
 * The synced keys, compact enough for a million of them in well under 256 MiB: one Map from digest to a slot number
 * (a small integer, stored unboxed), and per-slot columns (app as an interned number, expiry in a Float64Array) in
 * place of one object, three strings and two Map entries per key. Keys are addressed by sync id for upserts and
 * deletions; the portal uses the hash as the id, so only ids that differ from their hash need a Map of their own.
 */
export class KeyTable {
  private readonly slotByDigest = new Map<string, number>();
  private readonly slotByOtherId = new Map<string, number>();
  private digests: (string | null)[] = [];
  /** Null where the sync id is the key's own hash. */
  private ids: (string | null)[] = [];
  private keyIds: string[] = [];
  private apps = new Int32Array(1024);
  /** Epoch ms; NaN for a key that never expires. */
  private expiries = new Float64Array(1024);
  /** Interned for the life of the table (a snapshot builds a new one), so a key costs 4 bytes for its app. */
  private readonly appIds: string[] = [];
  private readonly appNumbers = new Map<string, number>();
  private readonly freeSlots: number[] = [];

  get size(): number {
    return this.slotByDigest.size;
  }

  put(id: string, entity: KeyEntity | null): void {
    const old = this.slotOfId(id);
    if (old >= 0) this.remove(old);
    if (entity === null) return;
    const digest = digestOfHex(entity.hash);
    // Two ids claiming one hash cannot both be right; the newer one wins, as a later change does.
    const clash = this.slotByDigest.get(digest);
    if (clash !== undefined) this.remove(clash);
    const slot = this.freeSlots.pop() ?? this.digests.length;
    this.ensureCapacity(slot + 1);
    this.digests[slot] = digest;
    this.ids[slot] = id === entity.hash ? null : id;
    this.keyIds[slot] = entity.keyId;
    this.apps[slot] = this.appNumber(entity.appId);
    this.expiries[slot] = entity.expiresAt ?? Number.NaN;
    this.slotByDigest.set(digest, slot);
    if (id !== entity.hash) this.slotByOtherId.set(id, slot);
  }

  /** The slot of the key with this SHA-256 digest (see `digestOfHex`), or -1. The request path's only lookup. */
  slotOf(digest: string): number {
    return this.slotByDigest.get(digest) ?? -1;
  }

  appId(slot: number): string {
    return this.appIds[this.apps[slot] as number] as string;
  }

  keyId(slot: number): string {
    return this.keyIds[slot] as string;
  }

  expiresAt(slot: number): number | null {
    const at = this.expiries[slot] as number;
    return Number.isNaN(at) ? null : at;
  }

  /** The entity as synced; allocates, so it is for tests and tools, not the request path. */
  entity(slot: number): KeyEntity {
    const hash = Buffer.from(this.digests[slot] as string, 'latin1').toString('hex');
    return { hash, keyId: this.keyId(slot), appId: this.appId(slot), expiresAt: this.expiresAt(slot) };
  }

  private slotOfId(id: string): number {
    const other = this.slotByOtherId.get(id);
    if (other !== undefined) return other;
    if (!HEX_SHA256.test(id)) return -1;
    const slot = this.slotByDigest.get(digestOfHex(id));
    // The digest may belong to a key synced under another id; only a key whose id is its hash matches here.
    return slot !== undefined && this.ids[slot] === null ? slot : -1;
  }

  private remove(slot: number): void {
    const id = this.ids[slot];
    if (id !== null && id !== undefined) this.slotByOtherId.delete(id);
    this.slotByDigest.delete(this.digests[slot] as string);
    this.digests[slot] = null;
    this.ids[slot] = null;
    this.keyIds[slot] = '';
    this.freeSlots.push(slot);
  }

  private appNumber(appId: string): number {
    let n = this.appNumbers.get(appId);
    if (n === undefined) {
      n = this.appIds.push(appId) - 1;
      this.appNumbers.set(appId, n);
    }
    return n;
  }

  private ensureCapacity(slots: number): void {
    if (slots <= this.apps.length) return;
    const capacity = Math.max(slots, this.apps.length * 2);
    const apps = new Int32Array(capacity);
    apps.set(this.apps);
    this.apps = apps;
    const expiries = new Float64Array(capacity);
    expiries.set(this.expiries);
    this.expiries = expiries;
  }
}
