import path from 'node:path';
import { type Managed, startManaged, waitForStatus } from '../../sidecar/bench/support/processes';

export interface ReplicaSet {
  urls: string[];
  stop(): Promise<void>;
}

/**
 * `count` production portals (`start:portal`, the built app) on one PostgreSQL database, ports `firstPort`..., all
 * with the same secret and public URL as replicas behind a load balancer would have. Ready when each serves its
 * sign-in page.
 */
export async function startReplicas(count: number, firstPort: number, env: { databaseUrl: string; secret: string; publicUrl: string }): Promise<ReplicaSet> {
  const script = path.resolve(__dirname, '../scripts/start-portal.ts');
  const replicas: Managed[] = [];
  const urls: string[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const port = firstPort + i;
      replicas.push(
        startManaged(`portal replica ${i + 1}`, [process.execPath, ['--import', 'tsx', '--conditions=react-server', script]], {
          ...process.env,
          DATABASE_URL: env.databaseUrl,
          NEXTAUTH_SECRET: env.secret,
          GATEHOUSE_PUBLIC_URL: env.publicUrl,
          PORT: String(port),
          HOSTNAME: '127.0.0.1',
        }),
      );
      urls.push(`http://127.0.0.1:${port}`);
    }
    await Promise.all(urls.map((url, i) => waitForStatus(`${url}/api/auth/csrf`, 200, replicas[i] ?? null, 120_000)));
  } catch (err) {
    await Promise.all(replicas.map((r) => r.stop()));
    throw err;
  }
  return { urls, stop: async () => void (await Promise.all(replicas.map((r) => r.stop()))) };
}
