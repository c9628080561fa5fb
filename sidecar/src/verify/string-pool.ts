/**
 * Short strings by slot number, kept as UTF-8 in one growing buffer instead of one heap string each: a million key
 * ids cost their bytes plus 6 a slot, and the garbage collector sees three objects rather than a million. Reading one
 * back allocates a string (a verdict does that once per accepted request). Space freed by deletions is reclaimed by
 * compacting once it outweighs the live strings.
 */
export class StringPool {
  private bytes = Buffer.alloc(0);
  private starts = new Uint32Array(0);
  /** Byte length + 1 per slot; 0 marks an empty slot. */
  private lengths = new Uint16Array(0);
  private end = 0;
  private wasted = 0;

  reserve(slots: number): void {
    if (slots <= this.starts.length) return;
    const starts = new Uint32Array(slots);
    starts.set(this.starts);
    this.starts = starts;
    const lengths = new Uint16Array(slots);
    lengths.set(this.lengths);
    this.lengths = lengths;
  }

  /** Room for this many more bytes of strings, allocated now: a bulk load then allocates nothing long-lived. */
  reserveBytes(bytes: number): void {
    if (this.end + bytes > this.bytes.length) this.makeRoom(bytes);
  }

  has(slot: number): boolean {
    return (this.lengths[slot] ?? 0) !== 0;
  }

  get(slot: number): string {
    const start = this.starts[slot] as number;
    return this.bytes.toString('utf8', start, start + (this.lengths[slot] as number) - 1);
  }

  /** `slot` must be below the reserved count. Strings are capped at 65,534 UTF-8 bytes (ids are at most 200 characters). */
  set(slot: number, value: string): void {
    this.delete(slot);
    const room = value.length * 3;
    if (room >= 0xffff) throw new RangeError('string too long for the pool');
    if (this.end + room > this.bytes.length) this.makeRoom(room);
    const written = this.write(value);
    this.starts[slot] = this.end;
    this.lengths[slot] = written + 1;
    this.end += written;
  }

  /** Copies a string's UTF-8 bytes from elsewhere (a stored block), no string made. */
  setBytes(slot: number, src: Uint8Array, at: number, length: number): void {
    this.delete(slot);
    if (length >= 0xffff) throw new RangeError('string too long for the pool');
    if (this.end + length > this.bytes.length) this.makeRoom(length);
    const bytes = this.bytes;
    const end = this.end;
    for (let i = 0; i < length; i++) bytes[end + i] = src[at + i] as number;
    this.starts[slot] = end;
    this.lengths[slot] = length + 1;
    this.end += length;
  }

  /** Ids are short and nearly always ASCII: a JS loop beats a native UTF-8 encode call at that size. */
  private write(value: string): number {
    const bytes = this.bytes;
    const at = this.end;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c >= 0x80) return bytes.write(value, at, 'utf8');
      bytes[at + i] = c;
    }
    return value.length;
  }

  delete(slot: number): void {
    const length = this.lengths[slot] ?? 0;
    if (length === 0) return;
    this.wasted += length - 1;
    this.lengths[slot] = 0;
  }

  private makeRoom(room: number): void {
    const live = this.end - this.wasted;
    if (this.wasted > 65_536 && this.wasted > live) {
      this.compact(Math.max(this.bytes.length, live + room));
      if (this.end + room <= this.bytes.length) return;
    }
    const bigger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.end + room, 4096));
    this.bytes.copy(bigger, 0, 0, this.end);
    this.bytes = bigger;
  }

  private compact(size: number): void {
    const next = Buffer.allocUnsafe(size);
    let end = 0;
    for (let slot = 0; slot < this.lengths.length; slot++) {
      const length = this.lengths[slot] as number;
      if (length === 0) continue;
      const start = this.starts[slot] as number;
      this.bytes.copy(next, end, start, start + length - 1);
      this.starts[slot] = end;
      end += length - 1;
    }
    this.bytes = next;
    this.end = end;
    this.wasted = 0;
  }
}
