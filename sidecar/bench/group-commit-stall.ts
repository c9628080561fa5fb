import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Outbox, type PendingEvent } from '../src/analytics/outbox';
import { openOutboxDb } from '../src/analytics/outbox-file';
import { OutboxStore } from '../src/analytics/outbox-store';
import { percentile } from './support/stats';

/**
 * `npx tsx sidecar/bench/group-commit-stall.ts [events per group] [groups]`: how long one group commit holds the
 * event loop, i.e. how long every request in flight waits for it. "on the loop" is the outbox as it was before
 * issue #18 (the insert and its synchronous=FULL fsync on the event loop); "thread" is the outbox now (the loop
 * only stamps ids, serialises and posts; the insert and the fsync run on the outbox thread). Same file settings.
 */
const [perGroup = 400, groups = 60] = process.argv.slice(2).map(Number);
const event = (): PendingEvent => ({ at: Date.now(), apiId: 'api_bench', appId: 'app_000123', keyId: 'key_000123', method: 'GET', status: 200, latencyMs: 1.23, bytesIn: 0, bytesOut: 11 });

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-stall-'));
  try {
    const db = openOutboxDb(path.join(dir, 'on-loop.db'));
    const store = new OutboxStore(db);
    const outbox = await Outbox.open(path.join(dir, 'thread.db'), { maxEvents: 1e9, flushIntervalMs: 1e9, flushBatchSize: 1e9 });
    const onLoop: number[] = [];
    const thread: number[] = [];
    for (let g = 0; g < groups; g++) {
      // The old group commit: ids stamped, serialised, inserted and synced, all before the loop moves on.
      const group: (PendingEvent & { eventId?: string })[] = Array.from({ length: perGroup }, event);
      let t = performance.now();
      const seq = store.nextSeq();
      for (let i = 0; i < group.length; i++) (group[i] as { eventId?: string }).eventId = `${store.epoch}:${seq}.${i}`;
      store.write(seq, group.length, JSON.stringify(group));
      onLoop.push(performance.now() - t);
      for (let i = 0; i < perGroup; i++) outbox.append(event());
      t = performance.now();
      const written = outbox.flush();
      thread.push(performance.now() - t);
      await written;
    }
    const row = (name: string, ms: number[]) =>
      `${name.padEnd(12)} p50 ${percentile(ms, 50).toFixed(2)} ms  p90 ${percentile(ms, 90).toFixed(2)} ms  max ${Math.max(...ms).toFixed(2)} ms`;
    process.stdout.write(`Event loop held per group commit of ${perGroup} events (${groups} groups):\n${row('on the loop', onLoop)}\n${row('thread', thread)}\n`);
    await outbox.close();
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
