/**
 * Keys are stored in blocks, 4,096 of them by the first 12 bits of the hash, each one BLOB row: a start then reads
 * 4,096 rows instead of a million (each row crossing from SQLite into JS costs about a microsecond, which was most of
 * a cold start), and a delta rewrites only the blocks it touches (a few KiB each at a million keys).
 *
 * Block layout, little-endian: u32 count, then per key: 32 hash bytes, f64 expiry (NaN: never), u32 app number
 * (key_apps.n), u16 + UTF-8 key id, u16 + UTF-8 sync id when it is not the hash itself (length 0: it is).
 */
export const BLOCK_COUNT = 4096;
const HASH_BYTES = 32;

export function blockOfHex(hash: string): number {
  return Number.parseInt(hash.slice(0, 3), 16);
}

export interface BlockEntry {
  hash: string;
  otherId: string | null;
  keyId: string;
  appNumber: number;
  expiresAt: number | null;
}

export function encodeBlock(entries: readonly BlockEntry[]): Buffer {
  let size = 4;
  for (const e of entries) size += HASH_BYTES + 8 + 4 + 2 + Buffer.byteLength(e.keyId) + 2 + (e.otherId === null ? 0 : Buffer.byteLength(e.otherId));
  const buf = Buffer.allocUnsafe(size);
  let at = buf.writeUInt32LE(entries.length, 0);
  for (const e of entries) {
    at += buf.write(e.hash, at, HASH_BYTES, 'hex');
    at = buf.writeDoubleLE(e.expiresAt ?? Number.NaN, at);
    at = buf.writeUInt32LE(e.appNumber, at);
    at = writeString(buf, at, e.keyId);
    at = writeString(buf, at, e.otherId ?? '');
  }
  if (at !== size) throw new Error('key block size mismatch');
  return buf;
}

function writeString(buf: Buffer, at: number, value: string): number {
  const length = buf.write(value, at + 2, 'utf8');
  if (length > 0xffff) throw new RangeError('id too long for a key block');
  buf.writeUInt16LE(length, at);
  return at + 2 + length;
}

/** One decoded key, valid only during the visit (the same object is reused). Strings are left as byte ranges. */
export interface BlockCursor {
  block: Buffer;
  hashAt: number;
  expiresAt: number | null;
  appNumber: number;
  keyIdAt: number;
  keyIdLength: number;
  otherIdAt: number;
  otherIdLength: number;
}

/** Walks a block, checking every length against its end: a damaged block throws instead of yielding garbage. */
export function forEachInBlock(block: Buffer, visit: (cursor: BlockCursor) => void): number {
  if (block.length < 4) throw new Error('key block shorter than its header');
  const count = block.readUInt32LE(0);
  const cursor: BlockCursor = { block, hashAt: 0, expiresAt: null, appNumber: 0, keyIdAt: 0, keyIdLength: 0, otherIdAt: 0, otherIdLength: 0 };
  let at = 4;
  const need = (bytes: number) => {
    if (at + bytes > block.length) throw new Error('key block truncated');
  };
  for (let i = 0; i < count; i++) {
    need(HASH_BYTES + 8 + 4 + 2);
    cursor.hashAt = at;
    const expiresAt = block.readDoubleLE(at + HASH_BYTES);
    cursor.expiresAt = Number.isNaN(expiresAt) ? null : expiresAt;
    cursor.appNumber = block.readUInt32LE(at + HASH_BYTES + 8);
    at += HASH_BYTES + 12;
    cursor.keyIdLength = block.readUInt16LE(at);
    cursor.keyIdAt = at + 2;
    at += 2 + cursor.keyIdLength;
    need(2);
    cursor.otherIdLength = block.readUInt16LE(at);
    cursor.otherIdAt = at + 2;
    at += 2 + cursor.otherIdLength;
    need(0);
    visit(cursor);
  }
  if (at !== block.length) throw new Error('key block longer than its keys');
  return count;
}

/** Decodes a block fully (a delta's read-modify-write; tests). */
export function decodeBlock(block: Buffer): BlockEntry[] {
  const entries: BlockEntry[] = [];
  forEachInBlock(block, (c) => {
    entries.push({
      hash: block.toString('hex', c.hashAt, c.hashAt + HASH_BYTES),
      otherId: c.otherIdLength === 0 ? null : block.toString('utf8', c.otherIdAt, c.otherIdAt + c.otherIdLength),
      keyId: block.toString('utf8', c.keyIdAt, c.keyIdAt + c.keyIdLength),
      appNumber: c.appNumber,
      expiresAt: c.expiresAt,
    });
  });
  return entries;
}
