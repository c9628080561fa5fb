import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Managed, startManaged, waitForStatus } from './support/processes';
import { median } from './support/stats';
import { startSnapshotServer } from './support/sync-server';
import { BENCH_CONTEXT, generateWorld } from './support/world';

/**
 * Cold start of the packed sidecar as an operator installs it (`npm install <tarball>` in a folder outside the
 * repository): process spawn -> /readyz 200 and -> first proxied 200, new (synced from a signed snapshot of
 * `--keys` keys) and restarted on its cache with the portal gone. Prints one JSON line.
 *   npx tsx sidecar/bench/packed-start.ts --dir /tmp/installed [--node /opt/node24/.../bin/node] [--rounds 5]
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { dir: { type: 'string' }, node: { type: 'string', default: process.execPath }, rounds: { type: 'string', default: '5' }, keys: { type: 'string', default: '1000' } },
  });
  if (!values.dir) throw new Error('--dir <folder where the tarball is installed> is required');
  const bin = path.join(values.dir, 'node_modules/@gatehouse/sidecar/dist/main.js');
  const backend = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  backend.listen(0, '127.0.0.1');
  await once(backend, 'listening');
  const world = generateWorld(Number(values.keys), `http://127.0.0.1:${(backend.address() as AddressInfo).port}`);
  const key = world.loadKeys[0] as string;
  const samples = { newToReadyMs: [] as number[], newToFirst200Ms: [] as number[], restartOfflineToFirst200Ms: [] as number[] };
  for (let round = 0; round < Number(values.rounds); round++) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-packed-start-'));
    const portal = await startSnapshotServer('env_bench', world.changes);
    const start = async (portalUrl: string) => {
      const began = performance.now();
      const sidecar = startManaged('packed sidecar', [values.node as string, [bin, '--portal-url', portalUrl, '--portal-public-key', portal.publicKey, '--listen', '127.0.0.1:18980', '--admin-listen', '127.0.0.1:18981', '--cache', path.join(dir, 'cache.db'), '--log-level', 'warn']], {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        GATEHOUSE_GATEWAY_TOKEN: 'gwt_benchbenchbenchbench',
      });
      running.push(sidecar);
      return { sidecar, began };
    };
    const running: Managed[] = [];
    try {
      const fresh = await start(portal.url);
      await waitForStatus('http://127.0.0.1:18981/readyz', 200, fresh.sidecar);
      samples.newToReadyMs.push(performance.now() - fresh.began);
      await waitForStatus(`http://127.0.0.1:18980${BENCH_CONTEXT}/x`, 200, fresh.sidecar, 30_000, { 'x-api-key': key });
      samples.newToFirst200Ms.push(performance.now() - fresh.began);
      await fresh.sidecar.stop();
      await portal.close();
      // The portal is gone: the restarted sidecar must serve from its cache alone.
      const restarted = await start('http://127.0.0.1:9');
      await waitForStatus(`http://127.0.0.1:18980${BENCH_CONTEXT}/x`, 200, restarted.sidecar, 30_000, { 'x-api-key': key });
      samples.restartOfflineToFirst200Ms.push(performance.now() - restarted.began);
      await restarted.sidecar.stop();
    } finally {
      await Promise.all(running.map((sidecar) => sidecar.stop()));
      await portal.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  backend.close();
  const round1 = (values: number[]) => Math.round(median(values));
  process.stdout.write(
    `${JSON.stringify({ node: values.node, keys: Number(values.keys), rounds: Number(values.rounds), medianMs: { newToReady: round1(samples.newToReadyMs), newToFirst200: round1(samples.newToFirst200Ms), restartWithPortalDownToFirst200: round1(samples.restartOfflineToFirst200Ms) } })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
