import { generateKeyPairSync } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openCache } from '../../src/cache/cache-store';
import { pinnedPublicKey } from '../../src/contract/signature';
import type { SyncResponse } from '../../src/contract/sync';
import { closedPortUrl } from '../../src/test-support/closed-port';
import { buildCompiledSidecar } from '../support/compiled-sidecar';
import { cpuMicros, httpStatus, pinned, rssMiB, startManaged } from '../support/processes';
import { BENCH_CONTEXT, generateWorld } from '../support/world';

/**
 * A snapshot of N keys applied through the cache's public `applySync` (the call the sync loop makes once a signed
 * answer is verified and parsed), then a cold start of the real sidecar process on that file with the portal
 * unreachable: time to the first proxied 200, and its RSS then. The process started is the compiled sidecar
 * (`sidecar/dist`, built here first), as shipped. Prints one JSON line.
 */
async function main(): Promise<void> {
  const [keyCount, portBase, serverCpu] = process.argv.slice(2).map(Number) as [number, number, number];
  const sidecarCommand = buildCompiledSidecar();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-bench-snapshot-'));
  const backend = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  backend.listen(0, '127.0.0.1');
  await once(backend, 'listening');
  const world = generateWorld(keyCount, `http://127.0.0.1:${(backend.address() as AddressInfo).port}/api`);
  const answer: SyncResponse = { protocol: 1, environment: 'bench', revision: 1, mode: 'snapshot', since: 0, settings: { corsOrigins: [] }, changes: world.changes };
  const cachePath = path.join(dir, 'sidecar.db');

  const cache = openCache(cachePath, Date.now);
  const t0 = performance.now();
  const outcome = cache.applySync(answer);
  const applyMs = performance.now() - t0;
  if (!outcome.applied) throw new Error(`snapshot rejected: ${outcome.reason}`);
  cache.close();
  const fileMiB = statSync(cachePath).size / 2 ** 20;
  world.changes.length = 0;

  const dataPort = portBase + 30;
  const args = ['--portal-url', await closedPortUrl(), '--portal-public-key', pinnedPublicKey(generateKeyPairSync('ed25519').publicKey),
    '--listen', `127.0.0.1:${dataPort}`, '--admin-listen', `127.0.0.1:${portBase + 31}`, '--cache', cachePath, '--log-level', 'error'];
  const url = `http://127.0.0.1:${dataPort}${BENCH_CONTEXT}/hello`;
  const key = world.loadKeys[world.loadKeys.length - 1] as string;
  const started = performance.now();
  const sidecar = startManaged('sidecar', pinned(Number.isFinite(serverCpu) ? serverCpu : null, ...sidecarCommand(args)), {
    ...process.env,
    GATEHOUSE_GATEWAY_TOKEN: 'gwt_bench_token_0123456789',
  });
  let readyMs = Number.NaN;
  // The process's own CPU time until then: on a loaded machine the wall time mostly measures the other jobs.
  let cpuMs = Number.NaN;
  let rss = Number.NaN;
  let peak = Number.NaN;
  try {
    while (performance.now() - started < 60_000) {
      if (sidecar.child.exitCode !== null) throw new Error(`sidecar exited:\n${sidecar.output()}`);
      if ((await httpStatus(url, { 'x-api-key': key })) === 200) {
        readyMs = performance.now() - started;
        cpuMs = cpuMicros(sidecar.child.pid as number) / 1000;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    rss = rssMiB(sidecar.child.pid as number);
    peak = rssMiB(sidecar.child.pid as number, 'VmHWM');
  } finally {
    await sidecar.stop();
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`${JSON.stringify({ keys: keyCount, applyMs, fileMiB, coldStartMs: readyMs, coldStartCpuMs: cpuMs, rssMiB: rss, peakRssMiB: peak })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
