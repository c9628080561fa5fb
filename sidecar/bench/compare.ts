import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateLoad } from './support/load';
import { NGINX, startNginxBackend } from './support/nginx';
import { cpuMicros, type Managed, pinSelf, pinned, startManaged, tsNode, waitForStatus } from './support/processes';
import { fmt, median, table } from './support/stats';
import { startSnapshotServer } from './support/sync-server';
import { BENCH_CONTEXT, generateWorld } from './support/world';

/**
 * `npm run bench:compare -- <name>=<checkout>[:<sidecar flags>] ...`: the sidecars of several checkouts (e.g. one
 * extracted with `git archive <ref> sidecar | tar -x -C /tmp/before`) served side by side on the same core, under
 * the same load, in alternating order, many short rounds. On a shared machine the absolute figures drift by tens of
 * percent between runs; the per-round ratio to the first variant is the figure to read.
 * Example: `npm run bench:compare -- before=/tmp/before after=. after-plain=.:--rate-limits=off,--analytics=off`
 * The variant `<name>=@bare` is the bench's bare http-proxy (the floor the ratios are taken against).
 */
interface Variant {
  name: string;
  root: string;
  flags: string[];
}

const TOKEN = 'gwt_bench_token_0123456789';
const rounds = Number(process.env.GATEHOUSE_COMPARE_ROUNDS ?? 6);
const durationS = Number(process.env.GATEHOUSE_COMPARE_DURATION_S ?? 4);
const portBase = Number(process.env.GATEHOUSE_BENCH_PORT_BASE ?? 9400);

function parseVariant(spec: string): Variant {
  const at = spec.indexOf('=');
  const name = at < 0 ? spec : spec.slice(0, at);
  const rest = at < 0 ? '.' : spec.slice(at + 1);
  const colon = rest.indexOf(':');
  const root = colon < 0 ? rest : rest.slice(0, colon);
  const flags = colon < 0 ? '' : rest.slice(colon + 1);
  // `--flag=value` becomes two arguments: the sidecar's parser takes them apart.
  return { name, root: path.resolve(root), flags: flags.split(',').flatMap((f) => f.split(/[ =]/)).filter(Boolean) };
}

async function main(): Promise<void> {
  const variants = process.argv.slice(2).map(parseVariant);
  if (variants.length < 2) throw new Error('give at least two variants: name=<checkout>[:<flags>]');
  pinSelf(0);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-compare-'));
  const procs: Managed[] = [];
  try {
    if (!NGINX) throw new Error('bench:compare needs nginx as the backend (apt-get install -y nginx)');
    const backend = startNginxBackend(path.join(dir, 'backend'), portBase + 1, 0);
    procs.push(backend);
    await waitForStatus(`http://127.0.0.1:${portBase + 1}/api/hello`, 200, backend);
    const world = generateWorld(10_000, `http://127.0.0.1:${portBase + 1}/api`);
    const portal = await startSnapshotServer('bench', world.changes);
    const headers = { 'x-api-key': world.loadKeys[0] as string };
    const targets = await Promise.all(variants.map(async (v, i) => {
      const port = portBase + 10 + 2 * i;
      const args = ['--portal-url', portal.url, '--portal-public-key', portal.publicKey, '--listen', `127.0.0.1:${port}`, '--admin-listen', `127.0.0.1:${port + 1}`,
        '--cache', path.join(dir, `${i}.db`), '--log-level', 'warn', '--sync-wait-ms', '60000', ...v.flags];
      const command = v.root.endsWith('@bare')
        ? tsNode('sidecar/bench/servers/bare-proxy.ts', [String(port), String(portBase + 1)])
        : tsNode(path.join(v.root, 'sidecar/src/main.ts'), args);
      const proc = startManaged(v.name, pinned(1, ...command), { ...process.env, GATEHOUSE_GATEWAY_TOKEN: TOKEN });
      procs.push(proc);
      const url = `http://127.0.0.1:${port}${BENCH_CONTEXT}/hello`;
      await waitForStatus(url, 200, proc, 30_000, headers);
      return { ...v, proc, url, cpu: [] as number[], p50: [] as number[], p99: [] as number[] };
    }));
    for (let round = 0; round < rounds; round++) {
      for (const t of round % 2 === 0 ? targets : [...targets].reverse()) {
        await generateLoad({ url: t.url, headers, connections: 64, durationS: 1, cpu: 0 });
        const before = cpuMicros(t.proc.child.pid as number);
        const load = await generateLoad({ url: t.url, headers, connections: 64, durationS, cpu: 0 });
        if (load.errors > 0) throw new Error(`${t.name}: ${load.errors} errors`);
        t.cpu.push((cpuMicros(t.proc.child.pid as number) - before) / load.requests);
        t.p50.push(load.p50Ms);
        t.p99.push(load.p99Ms);
      }
    }
    const [first] = targets as [(typeof targets)[number]];
    // Each round's figure over the first variant's in the same round, then the median of those ratios.
    const ratios = (t: (typeof targets)[number], of: 'cpu' | 'p50' | 'p99') => t[of].map((c, i) => c / (first[of][i] as number));
    process.stdout.write(`${table(['variant', 'CPU us/req', 'CPU ratio', 'p50 ms', 'p50 ratio', 'p99 ms', 'p99 ratio', 'per-round CPU ratios', 'per-round p99 ratios'], targets.map((t) => [
      t.name,
      fmt(median(t.cpu)), fmt(median(ratios(t, 'cpu')), 3),
      fmt(median(t.p50), 2), fmt(median(ratios(t, 'p50')), 3),
      fmt(median(t.p99), 2), fmt(median(ratios(t, 'p99')), 3),
      ratios(t, 'cpu').map((r) => r.toFixed(2)).join(' '),
      ratios(t, 'p99').map((r) => r.toFixed(2)).join(' '),
    ]))}\n`);
    await portal.close();
  } finally {
    await Promise.all(procs.map((p) => p.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:compare failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
