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

/** The oldest stored groups, ready to ship. */
export interface StoredBatch {
  firstSeq: number;
  lastSeq: number;
  /** `json`: the events as JSON array elements, comma-separated, exactly as stored; `length`: how many. */
  events: { length: number; json: string };
}

interface GroupRow {
  seq: number;
  count: number;
  body: string;
  /** 1: the body's events carry their event ids; 0: a row written before they did (ids added when read). */
  ids: number;
}

/**
 * The analytics outbox: events are buffered in memory and appended to SQLite in group commits, one row per commit
 * holding the whole group (a row per event cost more CPU than proxying the request), so a `kill -9` loses at most
 * one window of events. Rows leave only when the cloud acknowledged them. Row numbers come from AUTOINCREMENT, so
 * they are never reused after deletion; with the epoch (random per outbox table) and the position in the row they
 * make event ids the cloud can deduplicate on. The ids are written into the stored JSON at the group commit, so the
 * shipper splices stored text into a batch instead of parsing and re-serialising every event.
 */
export class Outbox {
  private buffer: PendingEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private droppedCount = 0;
  private readonly nextSeq: Database.Statement<[], number>;
  private readonly insert: Database.Statement<[number, number, string]>;
  private readonly readRows: Database.Statement<[number], GroupRow>;
  private readonly deleteUpTo: Database.Statement<[number]>;
  private readonly countStored: Database.Statement<[], { n: number }>;
  private readonly flushLater = () => this.flush();
  private events: number;
  readonly epoch: string;

  constructor(
    db: Database.Database,
    private readonly options: OutboxOptions,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS outbox_groups (seq INTEGER PRIMARY KEY AUTOINCREMENT, count INTEGER NOT NULL, body TEXT NOT NULL);
             CREATE TABLE IF NOT EXISTS outbox_meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);`);
    const columns = db.prepare<[], { name: string }>('PRAGMA table_info(outbox_groups)').all();
    if (!columns.some((c) => c.name === 'ids')) db.exec('ALTER TABLE outbox_groups ADD COLUMN ids INTEGER NOT NULL DEFAULT 0');
    db.prepare(`INSERT OR IGNORE INTO outbox_meta (k, v) VALUES ('epoch', ?)`).run(randomBytes(6).toString('base64url'));
    this.epoch = (db.prepare(`SELECT v FROM outbox_meta WHERE k = 'epoch'`).get() as { v: string }).v;
    // The sequence AUTOINCREMENT would assign next: it never goes back, even after every row was deleted.
    this.nextSeq = db.prepare<[], number>(`SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox_groups'), 0) + 1`).pluck();
    this.insert = db.prepare('INSERT INTO outbox_groups (seq, count, body, ids) VALUES (?, ?, ?, 1)');
    this.readRows = db.prepare('SELECT seq, count, body, ids FROM outbox_groups ORDER BY seq LIMIT ?');
    this.deleteUpTo = db.prepare('DELETE FROM outbox_groups WHERE seq <= ?');
    this.countStored = db.prepare('SELECT coalesce(sum(count), 0) AS n FROM outbox_groups');
    this.events = this.countStored.get()?.n ?? 0;
  }

  /**
   * Called once per answered request; cheap: a push, and a timer armed once per window. The outbox takes the event
   * object over (the group commit stamps its id on it), so pass a fresh object each time.
   */
  append(event: PendingEvent): void {
    if (this.events + this.buffer.length >= this.options.maxEvents) {
      this.droppedCount++;
      return;
    }
    this.buffer.push(event);
    if (this.buffer.length >= this.options.flushBatchSize) this.flush();
    else this.timer ??= setTimeout(this.flushLater, this.options.flushIntervalMs);
  }

  /**
   * Writes the buffer as one row, each event stamped with its id. The row's sequence is read first and written
   * explicitly: this connection holds the file exclusively and runs synchronously, so nothing can take it between.
   */
  flush(): number {
    clearTimeout(this.timer);
    this.timer = undefined;
    const group = this.buffer;
    if (group.length === 0) return 0;
    this.buffer = [];
    const seq = this.nextSeq.get() as number;
    const prefix = `${this.epoch}:${seq}.`;
    for (let i = 0; i < group.length; i++) (group[i] as UsageEvent).eventId = prefix + i;
    this.insert.run(seq, group.length, JSON.stringify(group));
    this.events += group.length;
    return group.length;
  }

  /** The oldest stored groups (whole groups, at least one, up to `limit` events) as JSON text, not parsed. */
  peekBatch(limit: number): StoredBatch {
    const parts: string[] = [];
    let count = 0;
    let firstSeq = 0;
    let lastSeq = 0;
    // Iterated, not fetched: a group is read from disk only if it fits in this batch.
    for (const row of this.readRows.iterate(Math.max(1, limit))) {
      if (count > 0 && count + row.count > limit) break;
      // Stored as a JSON array: its elements are the text between the brackets.
      parts.push(row.ids === 1 ? row.body.slice(1, -1) : this.legacyEvents(row));
      count += row.count;
      if (firstSeq === 0) firstSeq = row.seq;
      lastSeq = row.seq;
    }
    return { firstSeq, lastSeq, events: { length: count, json: parts.join(',') } };
  }

  /** The oldest stored events, parsed, with their ids (tests and tools; the shipper sends `peekBatch` text). */
  peek(limit: number): { firstSeq: number; lastSeq: number; events: UsageEvent[] } {
    const { firstSeq, lastSeq, events } = this.peekBatch(limit);
    return { firstSeq, lastSeq, events: JSON.parse(`[${events.json}]`) as UsageEvent[] };
  }

  /** A row from before ids were stored: the same ids as then, added the slow way once. */
  private legacyEvents(row: GroupRow): string {
    const group = JSON.parse(row.body) as PendingEvent[];
    const events = group.map((event, i) => ({ eventId: `${this.epoch}:${row.seq}.${i}`, ...event }));
    return JSON.stringify(events).slice(1, -1);
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
