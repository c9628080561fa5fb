import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { printProbes, type RevocationResult, type SnapshotResult, type VerdictResult } from './probes-report';
import { runProbe } from './support/probes';
import { pinSelf, REPO_ROOT } from './support/processes';
import { printStages } from './support/stage-breakdown';
import { printThroughput, summarizeThroughput } from './support/summary';
import { type PortalLoadResult, printPortalLoad } from './portal-load-report';
import { printRedisCost, runRedisCost } from './redis-cost';
import { runThroughput } from './throughput';

/**
 * `npm run bench`: throughput against the floors (bare http-proxy, nginx), then the key verdict, snapshot apply,
 * cold start and revocation propagation. Ratios within one run are the figures to trust on a shared machine.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '3' },
      'duration-s': { type: 'string', default: '5' },
      'warmup-s': { type: 'string', default: '1' },
      connections: { type: 'string', default: '64' },
      keys: { type: 'string', default: '10000' },
      'snapshot-keys': { type: 'string', default: '1000000' },
      revocations: { type: 'string', default: '120' },
      'port-base': { type: 'string', default: process.env.GATEHOUSE_BENCH_PORT_BASE ?? '9300' },
      only: { type: 'string', default: 'throughput,verdict,snapshot,revocation,redis,portal' },
      'portal-users': { type: 'string', default: '50' },
      'portal-duration-s': { type: 'string', default: '10' },
      'redis-url': { type: 'string', default: process.env.GATEHOUSE_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379' },
      out: { type: 'string', default: path.join(REPO_ROOT, 'bench-results/latest.json') },
    },
  });
  const only = new Set((values.only as string).split(','));
  const cpus = os.availableParallelism();
  // Two cores or more: the server under test alone on core 1, load generator + backend + this process on core 0.
  const serverCpu = cpus >= 2 ? 1 : null;
  const loadCpu = cpus >= 2 ? 0 : null;
  pinSelf(loadCpu);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const results: Record<string, unknown> = {
    startedAt: new Date().toISOString(),
    machine: { cpus, model: os.cpus()[0]?.model, node: process.version, pinning: serverCpu === null ? 'none' : `servers on cpu ${serverCpu}, load + backend on cpu ${loadCpu}` },
  };

  if (only.has('throughput')) {
    const options = {
      rounds: Number(values.rounds), durationS: Number(values['duration-s']), warmupS: Number(values['warmup-s']),
      connections: Number(values.connections), keys: Number(values.keys), portBase: Number(values['port-base']), serverCpu, loadCpu,
    };
    log(`Throughput: ${options.rounds} rounds x ${options.durationS} s, ${options.connections} connections, ${results.machine && (results.machine as { pinning: string }).pinning}`);
    const { samples, notes } = await runThroughput(options, log);
    const summary = summarizeThroughput(samples);
    printThroughput(summary, notes, log);
    const stages = new Map<string, NonNullable<(typeof samples)[number]['stages']>[]>();
    for (const s of samples) if (s.stages) stages.set(s.target, [...(stages.get(s.target) ?? []), s.stages]);
    printStages(stages, log);
    results.throughput = { options, notes, summary, samples };
  }

  const portBase = Number(values['port-base']);
  const verdicts: VerdictResult[] = [];
  if (only.has('verdict')) {
    log('\nKey verdict on 10k and 1M keys...');
    for (const keys of [10_000, 1_000_000]) {
      verdicts.push(await runProbe<VerdictResult>('sidecar/bench/probes/verdict.ts', [keys], { cpu: serverCpu, nodeArgs: ['--expose-gc'], timeoutS: 180 }));
    }
    results.verdict = verdicts;
  }
  let snapshot: SnapshotResult | null = null;
  if (only.has('snapshot')) {
    log(`Snapshot apply and cold start with ${Number(values['snapshot-keys']).toLocaleString('en')} keys...`);
    snapshot = await runProbe<SnapshotResult>('sidecar/bench/probes/snapshot.ts', [values['snapshot-keys'] as string, portBase, serverCpu ?? 'none'], { cpu: loadCpu, timeoutS: 300 });
    results.snapshot = snapshot;
  }
  let revocation: RevocationResult | null = null;
  if (only.has('revocation')) {
    log(`Revocation propagation, ${values.revocations} revocations...`);
    // The probe starts the real portal stack (building the portal first when no build is current): a long timeout.
    revocation = await runProbe<RevocationResult>('sidecar/bench/probes/revocation.ts', [values.revocations as string, portBase, serverCpu ?? 'none'], {
      cpu: loadCpu,
      timeoutS: 900,
    });
    results.revocation = revocation;
  }
  printProbes(verdicts, snapshot, revocation, log);

  if (only.has('redis')) {
    log(`\nRedis cost: the full sidecar with its local limiter and with --redis-url ${values['redis-url']}, ${values.rounds} rounds...`);
    const redis = await runRedisCost({
      redisUrl: values['redis-url'] as string, rounds: Number(values.rounds), durationS: Number(values['duration-s']), warmupS: Number(values['warmup-s']),
      connections: Number(values.connections), portBase, serverCpu, loadCpu,
    }, log);
    printRedisCost(redis, log);
    results.redis = redis;
  }

  if (only.has('portal')) {
    log(`\nThe portal under load on PostgreSQL, 1 and 3 replicas (${values['portal-users']} users)...`);
    // The probe is the portal's own script: run by path, so nothing here imports portal/ code.
    const portal = await runProbe<PortalLoadResult>('portal/bench/load.ts', [values['portal-users'] as string, values['portal-duration-s'] as string, portBase, serverCpu ?? 'none', values.revocations as string], {
      cpu: null,
      timeoutS: 1200,
    });
    printPortalLoad(portal, log);
    results.portal = portal;
  }

  mkdirSync(path.dirname(values.out as string), { recursive: true });
  writeFileSync(values.out as string, `${JSON.stringify(results, null, 2)}\n`);
  log(`\nResults written to ${path.relative(process.cwd(), values.out as string)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
