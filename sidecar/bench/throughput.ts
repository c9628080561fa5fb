import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FLAGS } from '../src/config-flags';
import { generateLoad, type LoadResult } from './support/load';
import { NGINX, startNginxBackend, startNginxProxy } from './support/nginx';
import { cpuMicros, type Managed, rssMiB, startManaged, pinned, tsNode, waitForStatus } from './support/processes';
import { type StageStats, scrapeStages, stagesBetween } from './support/stage-breakdown';
import { startSnapshotServer } from './support/sync-server';
import { BENCH_CONTEXT, generateWorld } from './support/world';

export interface ThroughputOptions {
  rounds: number;
  durationS: number;
  warmupS: number;
  connections: number;
  keys: number;
  portBase: number;
  /** Core for the server under test; the load generator and the backend get `loadCpu`. Null: unpinned. */
  serverCpu: number | null;
  loadCpu: number | null;
}

export interface Sample extends LoadResult {
  target: string;
  round: number;
  cpuUsPerRequest: number;
  rssMiB: number;
  /** The sidecar's own time per stage during the round (sidecar targets only). */
  stages?: StageStats[];
}

interface Target {
  name: string;
  proc: Managed;
  url: string;
  headers: Record<string, string>;
  /** The admin port's /metrics, for the per-stage latency breakdown (sidecars only). */
  metricsUrl?: string;
}

const TOKEN = 'gwt_bench_token_0123456789';
/** Extra node flags for the sidecar under test, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where its time goes. */
const nodeArgs = () => (process.env.GATEHOUSE_BENCH_SIDECAR_NODE_ARGS ?? '').split(' ').filter(Boolean);

/** Starts every target, then drives each with the same load in alternating order, round after round. */
export async function runThroughput(o: ThroughputOptions, log: (line: string) => void): Promise<{ samples: Sample[]; notes: string[] }> {
  const notes: string[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-bench-'));
  const port = (n: number) => o.portBase + n;
  const procs: Managed[] = [];
  const targets: Target[] = [];
  const sync = { close: async () => undefined } as { close: () => Promise<void> };
  try {
    const backend = NGINX
      ? startNginxBackend(path.join(dir, 'backend'), port(1), o.loadCpu)
      : startManaged('node-backend', pinned(o.loadCpu, ...tsNode('sidecar/bench/servers/backend.ts', [String(port(1))])));
    procs.push(backend);
    notes.push(NGINX ? 'backend: nginx static JSON (1 process), on the load generator core' : 'backend: node:http static JSON, on the load generator core');
    await waitForStatus(`http://127.0.0.1:${port(1)}/api/hello`, 200, backend);

    const world = generateWorld(o.keys, `http://127.0.0.1:${port(1)}/api`);
    const portal = await startSnapshotServer('bench', world.changes);
    sync.close = portal.close;
    const key = world.loadKeys[0] as string;
    const path1 = `${BENCH_CONTEXT}/hello`;

    const args = ['--portal-url', portal.url, '--listen', `127.0.0.1:${port(2)}`, '--admin-listen', `127.0.0.1:${port(3)}`,
      '--cache', path.join(dir, 'sidecar.db'), '--log-level', 'warn', '--sync-wait-ms', '60000'];
    // Pinned key only where this sidecar knows the flag, so the bench runs before and after signatures land.
    if (FLAGS.some((f) => f.flag === '--portal-public-key')) args.push('--portal-public-key', portal.publicKey);
    const sidecar = startManaged('sidecar', pinned(o.serverCpu, ...tsNode('sidecar/src/main.ts', args, nodeArgs())), { ...process.env, GATEHOUSE_GATEWAY_TOKEN: TOKEN });
    procs.push(sidecar);
    await waitForStatus(`http://127.0.0.1:${port(3)}/readyz`, 200, sidecar);
    await waitForStatus(`http://127.0.0.1:${port(2)}${path1}`, 200, sidecar, 10_000, { 'x-api-key': key });
    targets.push({ name: 'sidecar (all checks)', proc: sidecar, url: `http://127.0.0.1:${port(2)}${path1}`, headers: { 'x-api-key': key }, metricsUrl: `http://127.0.0.1:${port(3)}/metrics` });

    // The same sidecar without the rate limiter and the analytics outbox: their cost per request is the difference.
    const plainArgs = [...args, '--rate-limits', 'off', '--analytics', 'off'];
    plainArgs[plainArgs.indexOf('--listen') + 1] = `127.0.0.1:${port(7)}`;
    plainArgs[plainArgs.indexOf('--admin-listen') + 1] = `127.0.0.1:${port(8)}`;
    plainArgs[plainArgs.indexOf('--cache') + 1] = path.join(dir, 'sidecar-plain.db');
    const plain = startManaged('sidecar-plain', pinned(o.serverCpu, ...tsNode('sidecar/src/main.ts', plainArgs, nodeArgs())), { ...process.env, GATEHOUSE_GATEWAY_TOKEN: TOKEN });
    procs.push(plain);
    await waitForStatus(`http://127.0.0.1:${port(8)}/readyz`, 200, plain);
    targets.push({ name: 'sidecar (no limits/analytics)', proc: plain, url: `http://127.0.0.1:${port(7)}${path1}`, headers: { 'x-api-key': key }, metricsUrl: `http://127.0.0.1:${port(8)}/metrics` });

    const bare = startManaged('bare-http-proxy', pinned(o.serverCpu, ...tsNode('sidecar/bench/servers/bare-proxy.ts', [String(port(4)), String(port(1))])));
    procs.push(bare);
    await waitForStatus(`http://127.0.0.1:${port(4)}${path1}`, 200, bare);
    targets.push({ name: 'bare http-proxy', proc: bare, url: `http://127.0.0.1:${port(4)}${path1}`, headers: { 'x-api-key': key } });

    const lean = startManaged('lean-forwarder', pinned(o.serverCpu, ...tsNode('sidecar/bench/servers/lean-forwarder.ts', [String(port(6)), String(port(1))])));
    procs.push(lean);
    await waitForStatus(`http://127.0.0.1:${port(6)}${path1}`, 200, lean);
    targets.push({ name: 'bare lean forwarder', proc: lean, url: `http://127.0.0.1:${port(6)}${path1}`, headers: { 'x-api-key': key } });

    if (NGINX) {
      const nginx = startNginxProxy(path.join(dir, 'proxy'), port(5), port(1), o.serverCpu);
      procs.push(nginx);
      await waitForStatus(`http://127.0.0.1:${port(5)}${path1}`, 200, nginx);
      targets.push({ name: 'nginx', proc: nginx, url: `http://127.0.0.1:${port(5)}${path1}`, headers: { 'x-api-key': key } });
    } else {
      notes.push('nginx: not installed, its target is skipped');
    }

    const samples: Sample[] = [];
    for (let round = 1; round <= o.rounds; round++) {
      // Rotating the order spreads slow drifts of a shared machine over every target.
      const order = targets.map((_, i) => targets[(i + round - 1) % targets.length] as Target);
      for (const t of order) {
        if (o.warmupS > 0) await generateLoad({ url: t.url, headers: t.headers, connections: o.connections, durationS: o.warmupS, cpu: o.loadCpu });
        const pid = t.proc.child.pid as number;
        // Scraped outside the CPU reading: a scrape is the sidecar's work too, but not a request's.
        const stagesBefore = t.metricsUrl ? await scrapeStages(t.metricsUrl) : null;
        const cpuBefore = cpuMicros(pid);
        const load = await generateLoad({ url: t.url, headers: t.headers, connections: o.connections, durationS: o.durationS, cpu: o.loadCpu });
        const cpuUsPerRequest = (cpuMicros(pid) - cpuBefore) / load.requests;
        const sample: Sample = { target: t.name, round, ...load, cpuUsPerRequest, rssMiB: rssMiB(pid) };
        if (t.metricsUrl && stagesBefore) sample.stages = stagesBetween(stagesBefore, await scrapeStages(t.metricsUrl));
        samples.push(sample);
        log(`  round ${round} ${t.name.padEnd(22)} ${load.rps.toFixed(0).padStart(7)} req/s  p50 ${load.p50Ms.toFixed(2)} ms  p99 ${load.p99Ms.toFixed(2)} ms  ${cpuUsPerRequest.toFixed(1)} us CPU/req  ${sample.rssMiB.toFixed(0)} MiB${load.errors ? `  ERRORS ${load.errors}` : ''}`);
      }
    }
    return { samples, notes };
  } finally {
    await Promise.all(procs.map((p) => p.stop()));
    await sync.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
