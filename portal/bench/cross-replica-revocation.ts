import path from 'node:path';
import { freshLoopback, httpStatus, type Managed, pinned, startManaged, tsNode, waitForStatus } from '../../sidecar/bench/support/processes';
import { percentile } from '../../sidecar/bench/support/stats';
import type { BenchUser } from './bench-users';

export interface CrossReplicaRevocation {
  revocations: number;
  missed: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** A new key's creation (the call's answer) to its first acceptance at the sidecar. */
  creation: { p50Ms: number; p99Ms: number };
}

/**
 * A sidecar whose sync long-poll is held by one replica (`syncBase`), keys created and revoked through another
 * (`writeBase`): each sample runs from the revoke call's answer (committed) to the first 401 at the sidecar. Only
 * LISTEN/NOTIFY tells the sidecar's replica about the other's commit in time, so this is what it measures.
 */
export async function crossReplicaRevocation(opts: {
  count: number;
  user: BenchUser;
  writeBase: string;
  syncBase: string;
  context: string;
  gatewayToken: string;
  publicKey: string;
  ports: { listen: number; admin: number };
  cacheDir: string;
  cpu: number | null;
}): Promise<CrossReplicaRevocation> {
  const args = ['--portal-url', opts.syncBase, '--portal-public-key', opts.publicKey, '--listen', `127.0.0.1:${opts.ports.listen}`,
    '--admin-listen', `127.0.0.1:${opts.ports.admin}`, '--cache', path.join(opts.cacheDir, 'cross-replica-sidecar.db'), '--log-level', 'warn'];
  const sidecar: Managed = startManaged('sidecar', pinned(opts.cpu, ...tsNode('sidecar/src/main.ts', args)), { ...process.env, GATEHOUSE_GATEWAY_TOKEN: opts.gatewayToken });
  const samples: number[] = [];
  const creations: number[] = [];
  let missed = 0;
  try {
    await waitForStatus(`http://127.0.0.1:${opts.ports.admin}/readyz`, 200, sidecar, 60_000);
    const url = `http://127.0.0.1:${opts.ports.listen}${opts.context}/`;
    const { client, appId } = opts.user;
    for (let i = 0; i < opts.count; i++) {
      const key = await client.call<{ id: string; key: string }>(opts.writeBase, 'POST', `/apps/${appId}/keys`, { name: `revocation ${i}`, expiresAt: null });
      const created = performance.now();
      const deadline = created + 5000;
      // Accepted: the backend's 200. Each attempt from its own address (freshLoopback says why).
      while ((await httpStatus(url, { 'x-api-key': key.key }, freshLoopback())) !== 200) {
        if (performance.now() > deadline) throw new Error('a new key did not reach the sidecar within 5 s');
      }
      creations.push(performance.now() - created);
      await client.call(opts.writeBase, 'POST', `/apps/${appId}/keys/${key.id}/revoke`);
      const committed = performance.now();
      let status = 0;
      while (status !== 401 && performance.now() - committed < 5000) status = await httpStatus(url, { 'x-api-key': key.key }, freshLoopback());
      if (status !== 401) missed += 1;
      samples.push(performance.now() - committed);
    }
  } finally {
    await sidecar.stop();
  }
  return {
    revocations: samples.length, missed, p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99), maxMs: Math.max(...samples),
    creation: { p50Ms: percentile(creations, 50), p99Ms: percentile(creations, 99) },
  };
}
