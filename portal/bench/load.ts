import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { buildIfStale } from '../scripts/stack/build-if-stale';
import { type BenchUser, makeUsers } from './bench-users';
import { type LoadStats, closedLoop } from './closed-loop';
import { type CrossReplicaRevocation, crossReplicaRevocation } from './cross-replica-revocation';
import { startReplicas } from './replicas';

const REPO_ROOT = path.resolve(__dirname, '../..');
const API_ID = 'api_weather_v1';
const TIER_ID = 'tier_unlimited';

export interface PortalLoadResult {
  users: number;
  durationS: number;
  configs: { replicas: number; catalog: LoadStats; apiPage: LoadStats; keyCreation: LoadStats }[];
  revocation: CrossReplicaRevocation | null;
  skipped?: string;
}

/** What the API page fetches when a signed-in developer opens it (api-detail-view.tsx), in parallel as SWR does. */
const apiPageData = ({ client }: BenchUser, base: string) =>
  Promise.all([client.call(base, 'GET', `/apis/${API_ID}`), client.call(base, 'GET', `/apis/${API_ID}/openapi`), client.call(base, 'GET', '/apps')]);

async function withDatabase<T>(adminUrl: string, use: (url: string) => Promise<T>): Promise<T> {
  const name = `gatehouse_bench_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await use(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

/**
 * The portal under load on PostgreSQL (issue #15, point 5): 50 signed-in developers browsing the catalog, opening
 * an API page and creating keys, against one production replica and then three behind a round-robin balancer on the
 * same database; then revocation seen at a sidecar synced from a different replica than the one that committed it.
 * Prints one JSON line (PortalLoadResult).
 */
async function main(): Promise<void> {
  const [usersArg, durationArg, portBaseArg, cpuArg, revocationsArg] = process.argv.slice(2);
  const userCount = Number(usersArg ?? 50);
  const durationS = Number(durationArg ?? 10);
  const portBase = Number(portBaseArg ?? 9300);
  const cpu = cpuArg === undefined || cpuArg === 'none' ? null : Number(cpuArg);
  const revocations = Number(revocationsArg ?? 100);
  const pgUrl = process.env.GATEHOUSE_BENCH_PG_URL ?? process.env.GATEHOUSE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const result: PortalLoadResult = { users: userCount, durationS, configs: [], revocation: null };

  const probe = new Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await probe.connect();
    await probe.end();
  } catch (err) {
    process.stdout.write(`${JSON.stringify({ ...result, skipped: `no PostgreSQL at ${pgUrl}: ${(err as Error).message}` })}\n`);
    return;
  }
  buildIfStale(REPO_ROOT);

  // The demo backend's stand-in: any path, 200. The sidecar proxies accepted keys here.
  const backend = http.createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => backend.listen(portBase + 52, '127.0.0.1', resolve));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-bench-portal-'));
  try {
    await withDatabase(pgUrl, async (databaseUrl) => {
      const seeded = execFileSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', path.join(__dirname, 'seed-postgres.ts'), `http://127.0.0.1:${portBase + 52}`, path.join(dir, 'secrets.json')], {
        cwd: REPO_ROOT,
        env: { ...process.env, DATABASE_URL: databaseUrl },
        encoding: 'utf8',
      });
      const { gatewayToken, publicKey } = JSON.parse(seeded.trim().split('\n').at(-1) ?? '{}') as { gatewayToken: string; publicKey: string };
      const publicUrl = `http://127.0.0.1:${portBase + 40}`;
      const env = { databaseUrl, secret: randomBytes(32).toString('base64url'), publicUrl };
      let users: BenchUser[] = [];
      for (const count of [1, 3]) {
        const replicas = await startReplicas(count, portBase + 40, env);
        try {
          const [first] = replicas.urls as [string];
          if (users.length === 0) users = await makeUsers(userCount, first, publicUrl, API_ID, TIER_ID);
          // Warm-up: every replica's routes loaded and its pool connected before anything is counted.
          await closedLoop(users, replicas.urls, 2000, (u, base) => apiPageData(u, base));
          const catalog = await closedLoop(users, replicas.urls, durationS * 1000, ({ client }, base) => client.call(base, 'GET', '/apis'));
          const apiPage = await closedLoop(users, replicas.urls, durationS * 1000, apiPageData);
          const keyCreation = await closedLoop(users, replicas.urls, durationS * 1000, ({ client, appId }, base) =>
            client.call(base, 'POST', `/apps/${appId}/keys`, { name: 'load', expiresAt: null }),
          );
          result.configs.push({ replicas: count, catalog, apiPage, keyCreation });
          if (count === 3) {
            const { context } = await (users[0] as BenchUser).client.call<{ context: string }>(first, 'GET', `/apis/${API_ID}`);
            result.revocation = await crossReplicaRevocation({
              count: revocations, user: users[0] as BenchUser, writeBase: first, syncBase: replicas.urls[1] as string, context, gatewayToken, publicKey,
              ports: { listen: portBase + 50, admin: portBase + 51 }, cacheDir: dir, cpu,
            });
          }
        } finally {
          await replicas.stop();
        }
      }
    });
  } finally {
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
