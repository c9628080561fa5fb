import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { generateLoad, type LoadResult } from './support/load';
import { NGINX, startNginxBackend } from './support/nginx';
import { runProbe } from './support/probes';
import { cpuMicros, hasCommand, type Managed, pinned, startManaged, tsNode, waitForStatus } from './support/processes';
import { fmt, median, table } from './support/stats';
import { startSnapshotServer } from './support/sync-server';
import { BENCH_CONTEXT, generateWorld } from './support/world';

export interface RedisCostOptions {
  /** Used only when no redis-server binary is installed: a private server measures Redis's own CPU cleanly. */
  redisUrl: string;
  rounds: number;
  durationS: number;
  warmupS: number;
  connections: number;
  portBase: number;
  serverCpu: number | null;
  loadCpu: number | null;
}

interface CostSample extends LoadResult {
  target: string;
  round: number;
  connections: number;
  sidecarCpuUsPerRequest: number;
  redisCpuUsPerRequest: number;
}

export interface RedisCostResult {
  options: RedisCostOptions;
  skipped?: string;
  samples: CostSample[];
  summary: { target: string; connections: number; rps: number; p50Ms: number; p99Ms: number; sidecarCpuUs: number; redisCpuUs: number }[];
  /** One decision without HTTP around it (probes/redis-decide.ts). */
  decision?: DecisionProbe;
  redis?: string;
}

interface DecisionProbe {
  decisions: number;
  localUs: { p50: number; p99: number };
  redisUs: { p50: number; p99: number };
  pipelined: { inFlight: number; decisionsPerS: number; sidecarCpuUsPerDecision: number; redisCpuUsPerDecision: number };
}

const REDIS_SERVER = hasCommand('redis-server', ['/usr/bin/redis-server']);

/**
 * A private redis-server (no persistence) on the load generator's core, so its CPU is the bench's alone; the
 * shared one at `url` when none is installed (its CPU then includes whatever else uses it).
 */
async function startBenchRedis(url: string, port: number, cpu: number | null): Promise<{ url: string; pid: number; proc: Managed | null; note: string } | null> {
  if (REDIS_SERVER) {
    const proc = startManaged('redis-server', pinned(cpu, REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']));
    const privateUrl = `redis://127.0.0.1:${port}`;
    for (let i = 0; i < 200 && (await redisServerPid(privateUrl)) === null; i++) await new Promise((r) => setTimeout(r, 25));
    const pid = await redisServerPid(privateUrl);
    if (pid === null) throw new Error(`private redis-server did not start:\n${proc.output()}`);
    return { url: privateUrl, pid, proc, note: `private redis-server on port ${port}${cpu === null ? '' : `, cpu ${cpu}`}` };
  }
  const pid = await redisServerPid(url);
  return pid === null ? null : { url, pid, proc: null, note: `shared Redis at ${url} (its CPU includes other clients)` };
}

// Its own token, so the bench's shared counters live under a namespace no test or other sidecar uses.
const TOKEN = 'gwt_bench_redis_cost_0123456789';
const TARGETS = ['local limiter', 'Redis traffic manager'] as const;

/**
 * What sharing limits through Redis costs per request: the same full sidecar (limits, quota, analytics) with its
 * local limiter and with --redis-url, pinned to the same core, driven alternately by the same load. Saturated
 * (`connections`) gives CPU per request in the sidecar and in redis-server; one connection gives the latency a
 * single request pays for its round trip to Redis. The tier sets a rate and a quota that never refuse, so every
 * request runs the whole script.
 */
export async function runRedisCost(o: RedisCostOptions, log: (line: string) => void): Promise<RedisCostResult> {
  const port = (n: number) => o.portBase + 20 + n;
  const redis = await startBenchRedis(o.redisUrl, port(9), o.loadCpu);
  if (redis === null) return { options: o, skipped: `no redis-server installed and no Redis answered at ${o.redisUrl}`, samples: [], summary: [] };
  const redisPid = redis.pid;
  log(`  ${redis.note}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-bench-redis-'));
  const procs: Managed[] = redis.proc ? [redis.proc] : [];
  let closePortal = async () => {};
  try {
    const decision = await runProbe<DecisionProbe>('sidecar/bench/probes/redis-decide.ts', [redis.url, redisPid, 20_000], { cpu: o.serverCpu, timeoutS: 300 });
    const backend = NGINX
      ? startNginxBackend(path.join(dir, 'backend'), port(1), o.loadCpu)
      : startManaged('node-backend', pinned(o.loadCpu, ...tsNode('sidecar/bench/servers/backend.ts', [String(port(1))])));
    procs.push(backend);
    await waitForStatus(`http://127.0.0.1:${port(1)}/api/hello`, 200, backend);
    const world = generateWorld(1_000, `http://127.0.0.1:${port(1)}/api`);
    const tier = world.changes.find((c) => c.kind === 'tier');
    if (tier?.kind === 'tier' && tier.data) tier.data.monthlyQuota = 1_000_000_000;
    const portal = await startSnapshotServer('bench', world.changes);
    closePortal = portal.close;
    const key = world.loadKeys[0] as string;

    const urls: Record<string, string> = {};
    const pids: Record<string, number> = {};
    for (const [i, target] of TARGETS.entries()) {
      const args = ['--portal-url', portal.url, '--portal-public-key', portal.publicKey, '--listen', `127.0.0.1:${port(2 + 2 * i)}`,
        '--admin-listen', `127.0.0.1:${port(3 + 2 * i)}`, '--cache', path.join(dir, `sidecar-${i}.db`), '--log-level', 'warn', '--sync-wait-ms', '60000'];
      if (target === 'Redis traffic manager') args.push('--redis-url', redis.url);
      const proc = startManaged(`sidecar (${target})`, pinned(o.serverCpu, ...tsNode('sidecar/src/main.ts', args)), { ...process.env, GATEHOUSE_GATEWAY_TOKEN: TOKEN });
      procs.push(proc);
      urls[target] = `http://127.0.0.1:${port(2 + 2 * i)}${BENCH_CONTEXT}/hello`;
      pids[target] = proc.child.pid as number;
      await waitForStatus(`http://127.0.0.1:${port(3 + 2 * i)}/readyz`, 200, proc);
      await waitForStatus(urls[target] as string, 200, proc, 10_000, { 'x-api-key': key });
    }
    if (!(await onRedis(`http://127.0.0.1:${port(5)}/readyz`))) throw new Error('the Redis sidecar is not on Redis (see its /readyz)');

    const samples: CostSample[] = [];
    for (let round = 1; round <= o.rounds; round++) {
      for (const connections of [o.connections, 1]) {
        const order = round % 2 ? TARGETS : [...TARGETS].reverse();
        for (const target of order) {
          const spec = { url: urls[target] as string, headers: { 'x-api-key': key }, connections, cpu: o.loadCpu };
          if (o.warmupS > 0) await generateLoad({ ...spec, durationS: o.warmupS });
          const pid = pids[target] as number;
          const [sidecarBefore, redisBefore] = [cpuMicros(pid), cpuMicros(redisPid)];
          const load = await generateLoad({ ...spec, durationS: o.durationS });
          const sample: CostSample = {
            target, round, connections, ...load,
            sidecarCpuUsPerRequest: (cpuMicros(pid) - sidecarBefore) / load.requests,
            redisCpuUsPerRequest: (cpuMicros(redisPid) - redisBefore) / load.requests,
          };
          samples.push(sample);
          log(`  round ${round} ${target.padEnd(22)} c=${String(connections).padEnd(3)} ${load.rps.toFixed(0).padStart(6)} req/s  p50 ${load.p50Ms.toFixed(2)} ms  p99 ${load.p99Ms.toFixed(2)} ms  sidecar ${sample.sidecarCpuUsPerRequest.toFixed(1)} us/req  redis-server ${sample.redisCpuUsPerRequest.toFixed(1)} us/req${load.errors ? `  ERRORS ${load.errors}` : ''}`);
        }
      }
    }
    if (!(await onRedis(`http://127.0.0.1:${port(5)}/readyz`))) log('  WARNING: the Redis sidecar fell back to its local limiter during the run');
    return { options: o, samples, summary: summarize(samples), decision, redis: redis.note };
  } finally {
    if (!redis.proc) await dropBenchKeys(redis.url);
    await Promise.all(procs.map((p) => p.stop()));
    await closePortal();
    rmSync(dir, { recursive: true, force: true });
  }
}

function summarize(samples: CostSample[]): RedisCostResult['summary'] {
  const groups = new Map<string, CostSample[]>();
  for (const s of samples) groups.set(`${s.target}|${s.connections}`, [...(groups.get(`${s.target}|${s.connections}`) ?? []), s]);
  return [...groups.values()].map((g) => ({
    target: (g[0] as CostSample).target,
    connections: (g[0] as CostSample).connections,
    rps: median(g.map((s) => s.rps)),
    p50Ms: median(g.map((s) => s.p50Ms)),
    p99Ms: median(g.map((s) => s.p99Ms)),
    sidecarCpuUs: median(g.map((s) => s.sidecarCpuUsPerRequest)),
    redisCpuUs: median(g.map((s) => s.redisCpuUsPerRequest)),
  }));
}

export function printRedisCost(result: RedisCostResult, log: (line: string) => void): void {
  if (result.skipped) {
    log(`\nRedis cost: skipped (${result.skipped})`);
    return;
  }
  log(`  ${result.redis}`);
  const d = result.decision;
  if (d) {
    log(`  one decision alone (${d.decisions.toLocaleString('en')} calls): local limiter p50 ${fmt(d.localUs.p50, 2)} / p99 ${fmt(d.localUs.p99, 2)} us; Redis script p50 ${fmt(d.redisUs.p50)} / p99 ${fmt(d.redisUs.p99)} us`);
    log(`  ${d.pipelined.inFlight} decisions in flight: ${fmt(d.pipelined.decisionsPerS, 0)} decisions/s, ${fmt(d.pipelined.sidecarCpuUsPerDecision)} us CPU per decision in the sidecar process, ${fmt(d.pipelined.redisCpuUsPerDecision)} us in redis-server`);
  }
  log('');
  log(table(
    ['limits decided by', 'connections', 'req/s', 'p50 ms', 'p99 ms', 'sidecar CPU us/req', 'redis-server CPU us/req'],
    result.summary.map((s) => [s.target, String(s.connections), fmt(s.rps, 0), fmt(s.p50Ms, 3), fmt(s.p99Ms, 3), fmt(s.sidecarCpuUs), fmt(s.redisCpuUs)]),
  ));
  for (const connections of new Set(result.summary.map((s) => s.connections))) {
    const local = result.summary.find((s) => s.connections === connections && s.target === 'local limiter');
    const shared = result.summary.find((s) => s.connections === connections && s.target === 'Redis traffic manager');
    if (!local || !shared) continue;
    log(`  Redis adds, at ${connections} connection(s): p50 ${fmt(shared.p50Ms - local.p50Ms, 3)} ms, p99 ${fmt(shared.p99Ms - local.p99Ms, 3)} ms, sidecar CPU ${fmt(shared.sidecarCpuUs - local.sidecarCpuUs)} us/req, plus ${fmt(shared.redisCpuUs - local.redisCpuUs)} us/req in redis-server`);
  }
}

async function redisServerPid(url: string): Promise<number | null> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    const pid = Number(/process_id:(\d+)/.exec(await redis.info('server'))?.[1]);
    return Number.isFinite(pid) ? pid : null;
  } catch {
    return null;
  } finally {
    redis.disconnect();
  }
}

async function onRedis(readyzUrl: string): Promise<boolean> {
  const res = await fetch(readyzUrl).catch(() => null);
  const body = (await res?.json().catch(() => null)) as { trafficManager?: { mode?: string } } | null;
  return body?.trafficManager?.mode === 'redis';
}

/**
 * Removes the counters this bench created in a shared Redis: the sidecar's namespace is the digest of its own token
 * (see traffic-manager.ts), the decision probe's has its own prefix.
 */
async function dropBenchKeys(url: string): Promise<void> {
  const namespace = `gatehouse:gw:${createHash('sha256').update(TOKEN).digest('hex').slice(0, 16)}`;
  const redis = new Redis(url, { maxRetriesPerRequest: 0 });
  redis.on('error', () => {});
  try {
    const keys = [...(await redis.keys(`${namespace}:*`)), ...(await redis.keys('gatehouse-bench:*'))];
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

