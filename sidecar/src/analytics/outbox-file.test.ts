import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Outbox } from './outbox';
import { moveOutboxOutOfCache, outboxPathFor } from './outbox-file';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-file-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const event = (status: number) => ({ at: 1, apiId: 'api', appId: 'app', method: 'GET', status, latencyMs: 1, bytesIn: 0, bytesOut: 0 });

/** A cache file as sidecars before the outbox's own file left it: groups 1-3 shipped and deleted, 4 and 5 waiting. */
function cacheWithOldOutbox(file: string): Database.Database {
  const db = new Database(file);
  db.exec(`CREATE TABLE outbox_groups (seq INTEGER PRIMARY KEY AUTOINCREMENT, count INTEGER NOT NULL, body TEXT NOT NULL, ids INTEGER NOT NULL DEFAULT 0);
           CREATE TABLE outbox_meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
           INSERT INTO outbox_meta (k, v) VALUES ('epoch', 'oldEpoch');`);
  const insert = db.prepare('INSERT INTO outbox_groups (seq, count, body, ids) VALUES (?, ?, ?, 1)');
  for (let seq = 1; seq <= 5; seq++) insert.run(seq, 1, JSON.stringify([{ eventId: `oldEpoch:${seq}.0`, ...event(200 + seq) }]));
  db.exec('DELETE FROM outbox_groups WHERE seq <= 3');
  return db;
}

describe('the outbox file beside the cache', () => {
  it('is named after the cache file', () => {
    expect(outboxPathFor('/var/lib/gatehouse/cache.db')).toBe('/var/lib/gatehouse/cache.outbox.db');
    expect(outboxPathFor('/data/sidecar')).toBe('/data/sidecar.outbox');
  });

  it('takes over an outbox kept in the cache file: its backlog, its epoch and its sequence, never an id twice', async () => {
    const cachePath = path.join(dir, 'cache.db');
    const cache = cacheWithOldOutbox(cachePath);
    const outboxPath = outboxPathFor(cachePath);
    expect(moveOutboxOutOfCache(cache, outboxPath)).toBe(2);
    expect(cache.prepare(`SELECT name FROM sqlite_schema WHERE name LIKE 'outbox%'`).all()).toEqual([]);
    expect(moveOutboxOutOfCache(cache, outboxPath)).toBe(0);
    cache.close();

    const outbox = await Outbox.open(outboxPath, { maxEvents: 100, flushIntervalMs: 10, flushBatchSize: 10 });
    try {
      expect(outbox.stored).toBe(2);
      outbox.append(event(500));
      await outbox.flush();
      const { events } = await outbox.peek(10);
      expect(events.map((e) => [e.eventId, e.status])).toEqual([['oldEpoch:4.0', 204], ['oldEpoch:5.0', 205], ['oldEpoch:6.0', 500]]);
    } finally {
      await outbox.close();
    }
  });

  it('copies again over itself when a start died after the copy and before the old tables were dropped', () => {
    const cachePath = path.join(dir, 'cache.db');
    const outboxPath = outboxPathFor(cachePath);
    const cache = cacheWithOldOutbox(cachePath);
    cache.close();
    fs.copyFileSync(cachePath, path.join(dir, 'before.db'));
    const first = new Database(cachePath);
    moveOutboxOutOfCache(first, outboxPath);
    first.close();
    // The old tables are back as they were: the drop never committed.
    fs.copyFileSync(path.join(dir, 'before.db'), cachePath);
    const again = new Database(cachePath);
    expect(moveOutboxOutOfCache(again, outboxPath)).toBe(2);
    again.close();
    const moved = new Database(outboxPath);
    expect(moved.prepare('SELECT seq FROM outbox_groups ORDER BY seq').pluck().all()).toEqual([4, 5]);
    moved.close();
  });
});
