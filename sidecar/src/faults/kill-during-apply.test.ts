import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openCache } from '../cache/cache-store';
import { storedKeys } from '../cache/stored-keys';
import { tempDir } from '../test-support/harness';
import { waitFor } from '../test-support/wait-for';
import { spawnTs } from './support/child';
import { stateAt } from './support/revision-states';

const KEYS = 3000;
const KILLS = 20;
const dir = tempDir();
afterAll(() => dir.remove());

/** A small seeded generator, so a failing run can be replayed with the seed it prints. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Found {
  integrity: string;
  revision: number;
  rows: Map<string, string>;
  settings: string;
}

function readCacheFile(path: string): Found {
  const db = new Database(path);
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const meta = db.prepare('SELECT revision, settings FROM meta').get() as { revision: number; settings: string } | undefined;
    const rows = new Map<string, string>();
    for (const row of db.prepare('SELECT kind, id, data FROM entities').iterate() as Iterable<{ kind: string; id: string; data: string }>) {
      rows.set(`${row.kind}\u0000${row.id}`, row.data);
    }
    // Keys are stored in binary blocks of their own (cache/key-block-codec.ts); compared as the JSON their change carried.
    for (const [id, key] of storedKeys(db)) rows.set(`key\u0000${id}`, JSON.stringify(key));
    return { integrity, revision: meta?.revision ?? 0, rows, settings: meta?.settings ?? '' };
  } finally {
    db.close();
  }
}

describe('crash safety of the cache', () => {
  it(`kill -9 at ${KILLS} random points of snapshot and delta applies leaves exactly the old or the new revision, intact`, async () => {
    const seed = Number(process.env.GATEHOUSE_FAULT_SEED ?? Date.now() % 1_000_000);
    const random = seeded(seed);
    const path = `${dir.path}/cache.db`;
    let midApply = 0;
    let lastKnown = 0;

    for (let round = 0; round < KILLS; round++) {
      const child = spawnTs('sidecar/src/faults/support/apply-forever.ts', [path, String(KEYS)]);
      // The injected fault: wait until the child is inside its k-th apply, then kill it a random instant later.
      const target = 1 + Math.floor(random() * 3);
      const applying = () => child.lines.filter((l) => l.startsWith('applying ')).length;
      await waitFor(() => applying() >= target || child.child.exitCode !== null, 'the child to start applying', 10_000);
      expect(child.child.exitCode, child.stderr()).toBeNull();
      await new Promise((resolve) => setTimeout(resolve, random() * 12));
      await child.kill('SIGKILL');

      const last = child.lines.filter((l) => l.startsWith('appl')).at(-1) ?? '';
      const inFlight = last.startsWith('applying ') ? Number(last.slice('applying '.length)) : null;
      const committed = Number(child.lines.filter((l) => l.startsWith('applied ')).at(-1)?.slice('applied '.length) ?? lastKnown);
      if (inFlight !== null) midApply += 1;

      const found = readCacheFile(path);
      const context = `seed ${seed}, round ${round}, committed ${committed}, in flight ${inFlight}, found ${found.revision}`;
      expect(found.integrity, context).toBe('ok');
      expect([committed, ...(inFlight !== null ? [inFlight] : [])], context).toContain(found.revision);
      const expected = stateAt(found.revision, KEYS);
      expect(found.rows.size, context).toBe(expected.rows.size);
      const wrong = [...expected.rows].filter(([id, data]) => found.rows.get(id) !== data).length;
      expect(wrong, `${context}: rows that differ from that revision's state`).toBe(0);
      expect(found.settings, context).toBe(expected.settings);
      // And the sidecar's own loader opens it and sees the same revision.
      const cache = openCache(path, Date.now);
      expect(cache.meta.revision, context).toBe(found.revision);
      cache.close();
      lastKnown = found.revision;
    }
    // Most kills must land inside a transaction, or the test would not be testing what it claims.
    expect(midApply, `seed ${seed}`).toBeGreaterThanOrEqual(KILLS / 2);
  }, 60_000);
});
