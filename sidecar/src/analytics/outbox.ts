import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { UsageEvent } from '../contract/analytics';

export type PendingEvent = Omit<UsageEvent, 'eventId'>;

export interface OutboxOptions {
  /** Rows the outbox may hold before new events are dropped (and counted). */
  maxEvents: number;
  /** Group-commit window: events wait at most this long in memory before they are on disk. */
  flushIntervalMs: number;
  /** A buffer this large is written at once, without waiting for the window. */
  flushBatchSize: number;
}

/**
 * The analytics outbox: events are buffered in memory and appended to SQLite in group commits, one row per commit
 * holding the whole group (a row per event cost more CPU than proxying the request), so a `kill -9` loses at most
 * one window of events. Rows leave only when the cloud acknowledged them. Row numbers come from AUTOINCREMENT, so
 * they are never reused after deletion; with the epoch (random per outbox table) and the position in the row they
 * make event ids the cloud can deduplicate on.
 */
export class Outbox {
  private buffer: PendingEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private droppedCount = 0;
  private readonly insert: Database.Statement<[number, string]>;
  private readonly readRows: Database.Statement<[number], { seq: number; count: number; body: string }>;
  private readonly deleteUpTo: Database.Statement<[number]>;
  private readonly countStored: Database.Statement<[], { n: number }>;
  private events: number;
  readonly epoch: string;

  constructor(
    private readonly db: Database.Database,
    private readonly options: OutboxOptions,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS outbox_groups (seq INTEGER PRIMARY KEY AUTOINCREMENT, count INTEGER NOT NULL, body TEXT NOT NULL);
             CREATE TABLE IF NOT EXISTS outbox_meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);`);
    db.prepare(`INSERT OR IGNORE INTO outbox_meta (k, v) VALUES ('epoch', ?)`).run(randomBytes(6).toString('base64url'));
    this.epoch = (db.prepare(`SELECT v FROM outbox_meta WHERE k = 'epoch'`).get() as { v: string }).v;
    this.insert = db.prepare('INSERT INTO outbox_groups (count, body) VALUES (?, ?)');
    this.readRows = db.prepare('SELECT seq, count, body FROM outbox_groups ORDER BY seq LIMIT ?');
    this.deleteUpTo = db.prepare('DELETE FROM outbox_groups WHERE seq <= ?');
    this.countStored = db.prepare('SELECT coalesce(sum(count), 0) AS n FROM outbox_groups');
    this.events = this.countStored.get()?.n ?? 0;
  }

  /** Called once per answered request; cheap: a push, and a timer armed once per window. */
  append(event: PendingEvent): void {
    if (this.events + this.buffer.length >= this.options.maxEvents) {
      this.droppedCount++;
      return;
    }
    this.buffer.push(event);
    if (this.buffer.length >= this.options.flushBatchSize) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.options.flushIntervalMs);
  }

  /** Writes the buffer as one row, in one (implicit) transaction. */
  flush(): number {
    clearTimeout(this.timer);
    this.timer = undefined;
    const group = this.buffer;
    if (group.length === 0) return 0;
    this.buffer = [];
    this.insert.run(group.length, JSON.stringify(group));
    this.events += group.length;
    return group.length;
  }

  /** The oldest stored events (whole groups, at least one, up to `limit` events), with their ids. */
  peek(limit: number): { firstSeq: number; lastSeq: number; events: UsageEvent[] } {
    const events: UsageEvent[] = [];
    let firstSeq = 0;
    let lastSeq = 0;
    // Iterated, not fetched: a group is read from disk only if it fits in this batch.
    for (const row of this.readRows.iterate(Math.max(1, limit))) {
      if (events.length > 0 && events.length + row.count > limit) break;
      const group = JSON.parse(row.body) as PendingEvent[];
      for (let i = 0; i < group.length; i++) events.push({ eventId: `${this.epoch}:${row.seq}.${i}`, ...(group[i] as PendingEvent) });
      if (firstSeq === 0) firstSeq = row.seq;
      lastSeq = row.seq;
    }
    return { firstSeq, lastSeq, events };
  }

  acknowledge(lastSeq: number): void {
    this.deleteUpTo.run(lastSeq);
    this.events = this.countStored.get()?.n ?? 0;
  }

  /** Events on disk, waiting for the cloud. */
  get stored(): number {
    return this.events;
  }

  get buffered(): number {
    return this.buffer.length;
  }

  get dropped(): number {
    return this.droppedCount;
  }
}
