import { readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSidecar } from '../sidecar';
import { closedPortUrl } from '../test-support/closed-port';
import { TEST_TOKEN } from '../test-support/fake-portal';
import { startTestSidecar } from '../test-support/harness';
import { httpRequest } from '../test-support/http-client';
import { memoryLogger } from '../test-support/memory-logger';
import { TEST_PORTAL_KEY } from '../test-support/portal-keys';
import { waitFor } from '../test-support/wait-for';
import { spawnTs } from './support/child';
import { startSyncedWorld, type SyncedWorld } from './support/synced-world';

let w: SyncedWorld;
let cachePath: string;
const extra: RunningSidecar[] = [];
beforeEach(async () => {
  w = await startSyncedWorld();
  await w.sidecar.stop(); // each test starts its own sidecar on the file this one left behind
  cachePath = `${w.dir.path}/cache.db`;
});
afterEach(async () => {
  await Promise.all(extra.splice(0).map((s) => s.stop()));
  await w.stop();
});

async function startOnCache() {
  const log = memoryLogger();
  const sidecar = await startTestSidecar(w.portal.url, cachePath, [], { logger: log.logger });
  extra.push(sidecar);
  return { sidecar, log };
}

/** Starting on a damaged file: moved aside with a timestamp, logged, empty, then a full resync serves again. */
async function expectRecovered(damagedBytes: Buffer) {
  const { sidecar, log } = await startOnCache();
  const asideName = readdirSync(w.dir.path).find((name) => /^cache\.db\.corrupt-\d{8}T\d{6}Z$/.test(name));
  expect(asideName).toBeDefined();
  expect(readFileSync(`${w.dir.path}/${asideName}`)).toEqual(damagedBytes);
  expect(log.lines().find((l) => l.level === 50)).toMatchObject({ msg: expect.stringContaining('moved aside'), movedTo: expect.stringContaining(asideName ?? '?') });
  await waitFor(() => sidecar.cache.meta.revision === w.portal.revision, 'the resync');
  expect((await httpRequest(sidecar.dataPort, '/pets/v1/pets', { headers: { 'x-api-key': w.world.keys.good } })).status).toBe(200);
}

describe('corrupt or unreadable cache file at start', () => {
  it('a file of garbage is moved aside, and the sidecar starts empty and resyncs instead of crash-looping', async () => {
    const garbage = Buffer.from('this is not a database, just bytes '.repeat(200));
    writeFileSync(cachePath, garbage);
    await expectRecovered(garbage);
  });

  it('a truncated database file is moved aside and resynced', async () => {
    truncateSync(cachePath, Math.floor(statSync(cachePath).size / 2));
    await expectRecovered(readFileSync(cachePath));
  });

  it('a sound SQLite file whose rows cannot be decoded is moved aside and resynced', async () => {
    const db = new Database(cachePath);
    db.prepare("UPDATE entities SET data = '{not json' WHERE kind = 'subscription'").run();
    db.close();
    await expectRecovered(readFileSync(cachePath));
  });

  it('a SQLite file of some other program (no cache tables) is moved aside, not written into', async () => {
    const db = new Database(cachePath);
    db.exec('DROP TABLE entities; DROP TABLE meta; CREATE TABLE notes (body TEXT)');
    db.close();
    await expectRecovered(readFileSync(cachePath));
  });
});

describe('one cache file, one sidecar', () => {
  it('a second sidecar on the same cache file in the same process is refused, and the first is undisturbed', async () => {
    const { sidecar } = await startOnCache();
    await expect(startTestSidecar(w.portal.url, cachePath)).rejects.toMatchObject({
      code: 'CACHE_IN_USE',
      message: expect.stringContaining('in use by another sidecar process'),
    });
    expect(readdirSync(w.dir.path).filter((n) => n.includes('corrupt'))).toEqual([]);
    await waitFor(() => sidecar.cache.meta.revision === w.portal.revision, 'the first sidecar to keep syncing');
    expect((await httpRequest(sidecar.dataPort, '/pets/v1/pets', { headers: { 'x-api-key': w.world.keys.good } })).status).toBe(200);
  });

  it('a second sidecar process exits with a clear message, and after kill -9 of the holder the lock is free at once', async () => {
    const args = ['--portal-url', await closedPortUrl(), '--token', TEST_TOKEN, '--portal-public-key', TEST_PORTAL_KEY.pinned,
      '--listen', '127.0.0.1:0', '--admin-listen', '127.0.0.1:0', '--cache', cachePath, '--log-level', 'info'];
    const holder = spawnTs('sidecar/src/main.ts', args);
    try {
      await waitFor(() => holder.lines.some((l) => l.includes('sidecar started')), 'the first process to start', 10_000);
      const second = spawnTs('sidecar/src/main.ts', args);
      const [code] = await second.exited;
      expect(code).toBe(1);
      expect(second.lines.join('\n')).toContain('is in use by another sidecar process');
      await holder.kill('SIGKILL');
      const { sidecar } = await startOnCache();
      expect(sidecar.cache.meta.revision).toBeGreaterThan(0);
    } finally {
      await holder.kill('SIGKILL');
    }
  }, 20_000);
});
