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
 * The analytics outbox: events are buffered in memory and appended to SQLite in group commits (one transaction per
 * window), so a `kill -9` loses at most one window of events. Rows leave only when the cloud acknowledged them.
 * Sequence numbers come from AUTOINCREMENT, so they are never reused after deletion; with the epoch (random per
 * outbox table) they make event ids the cloud can deduplicate on.
 */
export class Outbox {
  private buffer: PendingEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private droppedCount = 0;
  private readonly insert: Database.Statement;
  private readonly count: Database.Statement<[], { n: number }>;
  private readonly readBatch: Database.Statement<[number], { seq: number; body: string }>;
  private readonly deleteUpTo: Database.Statement<[number]>;
  private rows: number;
  readonly epoch: string;

  constructor(
    private readonly db: Database.Database,
    private readonly options: OutboxOptions,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS outbox_events (seq INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL);
             CREATE TABLE IF NOT EXISTS outbox_meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);`);
    db.prepare(`INSERT OR IGNORE INTO outbox_meta (k, v) VALUES ('epoch', ?)`).run(randomBytes(6).toString('base64url'));
    this.epoch = (db.prepare(`SELECT v FROM outbox_meta WHERE k = 'epoch'`).get() as { v: string }).v;
    this.insert = db.prepare('INSERT INTO outbox_events (body) VALUES (?)');
    this.count = db.prepare('SELECT count(*) AS n FROM outbox_events');
    this.readBatch = db.prepare('SELECT seq, body FROM outbox_events ORDER BY seq LIMIT ?');
    this.deleteUpTo = db.prepare('DELETE FROM outbox_events WHERE seq <= ?');
    this.rows = this.count.get()?.n ?? 0;
  }

  /** Called once per proxied request; cheap: a push, and a timer armed once per window. */
  append(event: PendingEvent): void {
    if (this.rows + this.buffer.length >= this.options.maxEvents) {
      this.droppedCount++;
      return;
    }
    this.buffer.push(event);
    if (this.buffer.length >= this.options.flushBatchSize) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.options.flushIntervalMs);
  }

  /** Writes the buffer in one transaction. */
  flush(): number {
    clearTimeout(this.timer);
    this.timer = undefined;
    const events = this.buffer;
    if (events.length === 0) return 0;
    this.buffer = [];
    this.db.transaction(() => {
      for (const e of events) this.insert.run(JSON.stringify(e));
    })();
    this.rows += events.length;
    return events.length;
  }

  /** The oldest stored events, with their ids; nothing is removed until `acknowledge`. */
  peek(limit: number): { lastSeq: number; events: UsageEvent[] } {
    const rows = this.readBatch.all(limit);
    const events = rows.map((r) => ({ eventId: `${this.epoch}:${r.seq}`, ...(JSON.parse(r.body) as PendingEvent) }));
    return { lastSeq: rows.at(-1)?.seq ?? 0, events };
  }

  acknowledge(lastSeq: number): void {
    const { changes } = this.deleteUpTo.run(lastSeq);
    this.rows -= changes;
  }

  get stored(): number {
    return this.rows;
  }

  get buffered(): number {
    return this.buffer.length;
  }

  get dropped(): number {
    return this.droppedCount;
  }
}
