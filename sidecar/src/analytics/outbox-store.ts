import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';

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

/** Creates the outbox's tables where they are missing (the outbox file, or an old cache file being emptied). */
export function ensureOutboxTables(db: Database.Database, schema = 'main'): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${schema}.outbox_groups (seq INTEGER PRIMARY KEY AUTOINCREMENT, count INTEGER NOT NULL, body TEXT NOT NULL);
           CREATE TABLE IF NOT EXISTS ${schema}.outbox_meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);`);
  const columns = db.prepare<[], { name: string }>(`PRAGMA ${schema}.table_info(outbox_groups)`).all();
  if (!columns.some((c) => c.name === 'ids')) db.exec(`ALTER TABLE ${schema}.outbox_groups ADD COLUMN ids INTEGER NOT NULL DEFAULT 0`);
}

/**
 * The outbox's rows, one per group commit, with synchronous SQL. It runs on the outbox's own thread
 * (outbox-worker.ts), never on the request path's: a commit waits for the disk. Row numbers come from AUTOINCREMENT,
 * so they are never reused after deletion; with the epoch (random per outbox table) and the position in the row
 * they make event ids the cloud can deduplicate on.
 */
export class OutboxStore {
  private readonly nextSeqQuery: Database.Statement<[], number>;
  private readonly insert: Database.Statement<[number, number, string]>;
  private readonly readRows: Database.Statement<[number], GroupRow>;
  private readonly deleteUpTo: Database.Statement<[number]>;
  private readonly countStored: Database.Statement<[], number>;
  readonly epoch: string;

  constructor(db: Database.Database) {
    ensureOutboxTables(db);
    db.prepare(`INSERT OR IGNORE INTO outbox_meta (k, v) VALUES ('epoch', ?)`).run(randomBytes(6).toString('base64url'));
    this.epoch = (db.prepare(`SELECT v FROM outbox_meta WHERE k = 'epoch'`).get() as { v: string }).v;
    // The sequence AUTOINCREMENT would assign next: it never goes back, even after every row was deleted.
    this.nextSeqQuery = db.prepare<[], number>(`SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox_groups'), 0) + 1`).pluck();
    this.insert = db.prepare('INSERT INTO outbox_groups (seq, count, body, ids) VALUES (?, ?, ?, 1)');
    this.readRows = db.prepare('SELECT seq, count, body, ids FROM outbox_groups ORDER BY seq LIMIT ?');
    this.deleteUpTo = db.prepare('DELETE FROM outbox_groups WHERE seq <= ?');
    this.countStored = db.prepare<[], number>('SELECT coalesce(sum(count), 0) FROM outbox_groups').pluck();
  }

  nextSeq(): number {
    return this.nextSeqQuery.get() as number;
  }

  /** Events on disk, waiting for the cloud. */
  stored(): number {
    return this.countStored.get() ?? 0;
  }

  /** One group commit: `body` is a JSON array of events already stamped with their ids for `seq`. */
  write(seq: number, count: number, body: string): void {
    this.insert.run(seq, count, body);
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

  /** Deletes the acknowledged groups; the events still stored. */
  acknowledge(lastSeq: number): number {
    this.deleteUpTo.run(lastSeq);
    return this.stored();
  }

  /** A row from before ids were stored: the same ids as then, added the slow way once. */
  private legacyEvents(row: GroupRow): string {
    const group = JSON.parse(row.body) as object[];
    const events = group.map((event, i) => ({ eventId: `${this.epoch}:${row.seq}.${i}`, ...event }));
    return JSON.stringify(events).slice(1, -1);
  }
}
