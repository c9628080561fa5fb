import type { SyncChange } from '../contract/sync';
import type { RunningSidecar, SidecarOptions } from '../sidecar';
import { startTestSidecar } from '../test-support/harness';
import { httpRequest } from '../test-support/http-client';
import type { TestWorld } from '../test-support/use-test-world';
import { waitFor } from '../test-support/wait-for';

/** The test world's `gold` tier with the given limits. */
export const goldTier = (requestsPerMinute: number | null, burst: number | null, monthlyQuota: number | null = null): SyncChange => ({
  kind: 'tier',
  id: 'gold',
  data: { tierId: 'gold', name: 'Gold', requestsPerMinute, burst, monthlyQuota },
});

/**
 * Starts `count` real sidecars as replicas of one gateway: same token and portal, each with its own cache file and
 * node id, all sharing `redisUrl`. Analytics are off: the fake portal counts quota use per gateway, not per node,
 * and its acknowledgements would blur the per-node counts these tests check.
 */
export async function startReplicas(
  t: TestWorld,
  count: number,
  redisUrl: string,
  options: SidecarOptions | ((replica: number) => SidecarOptions),
  extraArgs: string[] = [],
): Promise<RunningSidecar[]> {
  const replicas: RunningSidecar[] = [];
  for (let i = 0; i < count; i++) {
    const args = ['--redis-url', redisUrl, '--node-id', `replica-${i}`, '--analytics', 'off', ...extraArgs];
    const replica = await startTestSidecar(t.portal.url, `${t.dir.path}/replica-${i}.db`, args, typeof options === 'function' ? options(i) : options);
    t.running.push(replica);
    replicas.push(replica);
  }
  await waitFor(() => replicas.every((r) => r.cache.meta.revision === t.portal.revision), 'every replica synced');
  return replicas;
}

/** `total` requests with one key, sent all at once and spread round-robin over the replicas; the statuses in order. */
export async function spread(replicas: readonly RunningSidecar[], apiKey: string, total: number): Promise<number[]> {
  const answers = await Promise.all(
    Array.from({ length: total }, (_, i) => httpRequest((replicas[i % replicas.length] as RunningSidecar).dataPort, '/pets/v1/items', { headers: { 'x-api-key': apiKey } })),
  );
  return answers.map((a) => a.status);
}

export const count = (statuses: readonly number[], status: number) => statuses.filter((s) => s === status).length;
