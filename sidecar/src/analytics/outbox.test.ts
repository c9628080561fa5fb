import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type UsageBatch, usageBatchSchema } from '../contract/analytics';
import { createLogger } from '../logger';
import { waitFor } from '../test-support/wait-for';
import { Outbox, type OutboxOptions, type PendingEvent } from './outbox';
import { batchBody, Shipper } from './shipper';

const event = (status = 200): PendingEvent => ({ at: 1, apiId: 'api', appId: 'app', method: 'GET', status, latencyMs: 1.5, bytesIn: 0, bytesOut: 10 });
const options = { maxEvents: 1_000, flushIntervalMs: 10, flushBatchSize: 100 };

let dir: string;
let file: string;
let opened: Outbox[] = [];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-'));
  file = path.join(dir, 'cache.outbox.db');
});
afterEach(async () => {
  await Promise.all(opened.map((o) => o.close()));
  opened = [];
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The real outbox on its own thread and file; closed after the test. */
async function openOutbox(o: OutboxOptions = options, at = file): Promise<Outbox> {
  const outbox = await Outbox.open(at, o);
  opened.push(outbox);
  return outbox;
}

/** A cloud ingest endpoint that deduplicates on event id, and can be told to lose its acknowledgements. */
async function fakeIngest() {
  const stored = new Map<string, unknown>();
  const state = { loseAcks: 0, down: false, batches: 0 };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (state.down) return res.writeHead(503).end();
      state.batches++;
      const batch: UsageBatch = usageBatchSchema.parse(JSON.parse(body));
      let accepted = 0;
      for (const e of batch.events) if (!stored.has(e.eventId) && stored.set(e.eventId, e)) accepted++;
      if (state.loseAcks > 0) {
        state.loseAcks--;
        return res.writeHead(500).end();
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ batchId: batch.batchId, accepted, duplicates: batch.events.length - accepted }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { stored, state, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const shipperFor = (outbox: Outbox, portalUrl: string) =>
  new Shipper(outbox, { portalUrl, token: 'gwt_test', nodeId: 'n1', batchSize: 50, idleMs: 5, backoff: { baseMs: 1, maxMs: 5 }, logger: createLogger('silent') });

describe('analytics outbox', () => {
  it('keeps events on disk across a restart until they are acknowledged', async () => {
    const first = await Outbox.open(file, options);
    for (let i = 0; i < 3; i++) first.append(event());
    expect(await first.flush()).toBe(3);
    for (let i = 0; i < 2; i++) first.append(event());
    expect(await first.flush()).toBe(2);
    await first.close();
    const reopened = await openOutbox();
    expect(reopened.stored).toBe(5);
    const { lastSeq, events } = await reopened.peek(3);
    await reopened.acknowledge(lastSeq);
    expect(events.map((e) => e.eventId.split(':')[1])).toEqual(['1.0', '1.1', '1.2']);
    expect(reopened.stored).toBe(2);
  });

  it('never reuses an event id after acknowledged rows are deleted, across a restart too', async () => {
    const outbox = await Outbox.open(file, options);
    outbox.append(event());
    await outbox.flush();
    await outbox.acknowledge((await outbox.peek(10)).lastSeq);
    outbox.append(event());
    await outbox.flush();
    expect((await outbox.peek(10)).events[0]?.eventId).toBe(`${outbox.epoch}:2.0`);
    await outbox.acknowledge((await outbox.peek(10)).lastSeq);
    await outbox.close();
    const reopened = await openOutbox();
    reopened.append(event());
    await reopened.flush();
    expect((await reopened.peek(10)).events[0]?.eventId).toBe(`${outbox.epoch}:3.0`);
  });

  it('ships a row written before events carried their ids with the ids it had then', async () => {
    const db = new Database(file);
    db.exec(`CREATE TABLE outbox_groups (seq INTEGER PRIMARY KEY AUTOINCREMENT, count INTEGER NOT NULL, body TEXT NOT NULL);
             CREATE TABLE outbox_meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
             INSERT INTO outbox_meta (k, v) VALUES ('epoch', 'old');`);
    db.prepare('INSERT INTO outbox_groups (count, body) VALUES (?, ?)').run(2, JSON.stringify([event(200), event(404)]));
    db.close();
    const outbox = await openOutbox();
    outbox.append(event(500));
    await outbox.flush();
    const { events } = await outbox.peek(10);
    expect(events.map((e) => [e.eventId, e.status])).toEqual([['old:1.0', 200], ['old:1.1', 404], ['old:2.0', 500]]);
  });

  it('sends batches the contract accepts, carrying every field of an event (refused included)', async () => {
    const outbox = await openOutbox();
    outbox.append(event());
    outbox.append({ ...event(429), refused: 'rate' });
    await outbox.flush();
    const { firstSeq, lastSeq, events } = await outbox.peekBatch(10);
    const batch = usageBatchSchema.parse(JSON.parse(batchBody(`${outbox.epoch}:${firstSeq}-${lastSeq}`, 'n"1', 3, events.json)));
    expect(batch).toMatchObject({ node: 'n"1', droppedTotal: 3 });
    expect(batch.events.map((e) => [e.eventId, e.refused])).toEqual([[`${outbox.epoch}:1.0`, undefined], [`${outbox.epoch}:1.1`, 'rate']]);
  });

  it('drops past the operator cap and counts every drop exactly', async () => {
    const outbox = await openOutbox({ ...options, maxEvents: 10 });
    for (let i = 0; i < 25; i++) outbox.append(event());
    await outbox.flush();
    expect(outbox.stored).toBe(10);
    expect(outbox.dropped).toBe(15);
  });

  it('writes a full buffer at once and the rest within the group-commit window', async () => {
    const outbox = await openOutbox({ ...options, flushIntervalMs: 60_000, flushBatchSize: 4 });
    for (let i = 0; i < 5; i++) outbox.append(event());
    // The full buffer went to the disk at once; the fifth event waits for the window.
    await waitFor(() => outbox.stored === 4, 'the full buffer on disk');
    expect(outbox.buffered).toBe(1);
    const windowed = await openOutbox(options, path.join(dir, 'windowed.outbox.db'));
    windowed.append(event());
    await waitFor(() => windowed.stored === 1, 'the window flush');
  });
});

describe('analytics shipper', () => {
  it('delivers every event through a portal outage, once each', async () => {
    const ingest = await fakeIngest();
    ingest.state.down = true;
    const outbox = await openOutbox();
    const shipper = shipperFor(outbox, ingest.url);
    shipper.start();
    for (let i = 0; i < 120; i++) outbox.append(event());
    await waitFor(() => shipper.state.failures > 2, 'failed attempts while down');
    expect(outbox.stored).toBe(120);
    ingest.state.down = false;
    await waitFor(() => outbox.buffered === 0 && outbox.stored === 0, 'the outbox to drain');
    await shipper.stop(100);
    expect(ingest.stored.size).toBe(120);
    await ingest.close();
  });

  it('stores a batch once when its acknowledgement is lost and it is sent again', async () => {
    const ingest = await fakeIngest();
    ingest.state.loseAcks = 2;
    const outbox = await openOutbox();
    for (let i = 0; i < 30; i++) outbox.append(event());
    const shipper = shipperFor(outbox, ingest.url);
    shipper.start();
    await waitFor(() => outbox.buffered === 0 && outbox.stored === 0, 'the outbox to drain');
    await shipper.stop(100);
    expect(ingest.state.batches).toBe(3);
    expect(ingest.stored.size).toBe(30);
    await ingest.close();
  });

  it('flushes the buffer and ships it on stop (SIGTERM)', async () => {
    const ingest = await fakeIngest();
    const outbox = await openOutbox({ ...options, flushIntervalMs: 60_000 });
    const shipper = shipperFor(outbox, ingest.url);
    for (let i = 0; i < 7; i++) outbox.append(event());
    expect(outbox.buffered).toBe(7);
    await shipper.stop(2_000);
    expect(ingest.stored.size).toBe(7);
    expect(outbox.stored).toBe(0);
    await ingest.close();
  });
});
