import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import type { TierEntity } from '../../src/contract/sync';
import { createLogger } from '../../src/logger';
import { QuotaLedger } from '../../src/quota/quota-ledger';
import { TierLimiter } from '../../src/ratelimit/tier-limiter';
import { createLimitRedis } from '../../src/traffic-manager/redis-client';
import { TrafficManager } from '../../src/traffic-manager/traffic-manager';
import { percentile } from '../support/stats';

/**
 * One limit decision alone, without HTTP around it: the local TierLimiter against the TrafficManager's script in
 * Redis (rate + quota, a tier that never refuses). Single calls give the latency a request waits for; 64 in flight
 * give the steady-state CPU per decision here and in redis-server (`argv[3]`, its pid). Prints one JSON line.
 */
async function main(): Promise<void> {
  const [, , url, redisPid, countArg] = process.argv;
  const count = Number(countArg ?? 20_000);
  const tier: TierEntity = { tierId: 'bench', name: 'Bench', requestsPerMinute: 1_000_000_000, burst: 1_000_000_000, monthlyQuota: 1_000_000_000 };
  const who = (i: number) => ({ subscriptionId: `sub_${i % 100}`, appId: `app_${i % 100}`, apiId: 'api_bench' });
  const db = new Database(':memory:');
  const now = Date.now();
  const local = new TierLimiter(new QuotaLedger(db, now));
  const manager = new TrafficManager({
    redis: createLimitRedis(url as string, { commandTimeoutMs: 2_000, reconnectDelayMs: 200 }),
    gatewayToken: `gwt_bench_decide_${process.pid}`,
    nodeId: 'bench',
    quotas: new QuotaLedger(db, now),
    now: Date.now,
    logger: createLogger('silent'),
    probeIntervalMs: 1_000,
    keyPrefix: 'gatehouse-bench',
  });
  await manager.start();
  if (!manager.onRedis) throw new Error(`no Redis at ${url}: ${manager.state().lastError}`);

  const localUs: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = process.hrtime.bigint();
    local.check(who(i), tier, now);
    localUs.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  const redisUs: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = process.hrtime.bigint();
    await manager.decide(who(i), tier, now);
    redisUs.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  const cpuOf = (pid: string) => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100;
  };
  const inFlight = 64;
  const cpu0 = process.cpuUsage();
  const redis0 = cpuOf(redisPid as string);
  const t0 = process.hrtime.bigint();
  let next = 0;
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < count) await manager.decide(who(next++), tier, now);
  }));
  const wallUs = Number(process.hrtime.bigint() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const redisCpuUs = cpuOf(redisPid as string) - redis0;
  if (!manager.onRedis) throw new Error('fell back to the local limiter during the run');
  await manager.close();
  process.stdout.write(`${JSON.stringify({
    decisions: count,
    localUs: { p50: percentile(localUs, 50), p99: percentile(localUs, 99) },
    redisUs: { p50: percentile(redisUs, 50), p99: percentile(redisUs, 99) },
    pipelined: { inFlight, decisionsPerS: count / (wallUs / 1e6), sidecarCpuUsPerDecision: (cpu.user + cpu.system) / count, redisCpuUsPerDecision: redisCpuUs / count },
  })}\n`);
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
