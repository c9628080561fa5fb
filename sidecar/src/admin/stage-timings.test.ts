import { describe, expect, it } from 'vitest';
import { startTestSidecar } from '../test-support/harness';
import { httpRequest } from '../test-support/http-client';
import { useTestWorld } from '../test-support/use-test-world';
import { waitFor } from '../test-support/wait-for';

const t = useTestWorld();

/** `stage` -> observations, from the exposition text the admin port serves. */
async function stageCounts(adminPort: number): Promise<Record<string, number>> {
  const { body } = await httpRequest(adminPort, '/metrics');
  const counts: Record<string, number> = {};
  for (const [, stage, value] of body.matchAll(/^gatehouse_request_stage_seconds_count\{stage="(\w+)"\} (\d+)$/gm)) counts[stage as string] = Number(value);
  return counts;
}

describe('per-stage timings of the sidecar own work', () => {
  it('time every stage of a proxied request once, and only start and admission for a refused one', async () => {
    const sidecar = await startTestSidecar(t.portal.url, `${t.dir.path}/cache.db`);
    t.running.push(sidecar);
    await waitFor(() => sidecar.cache.meta.revision === t.portal.revision, 'the first sync');
    for (let i = 0; i < 3; i++) expect((await httpRequest(sidecar.dataPort, '/pets/v1/pets', { headers: { 'x-api-key': t.world.keys.good } })).status).toBe(200);
    expect((await httpRequest(sidecar.dataPort, '/pets/v1/pets')).status).toBe(401);
    await waitFor(async () => (await stageCounts(sidecar.adminPort)).finish === 4, 'every close listener to run');
    expect(await stageCounts(sidecar.adminPort)).toEqual({ start: 4, admission: 4, limits: 3, forward: 3, finish: 4, analytics: 3 });
  });

  it('leave the limits stage out when the operator turned limits off', async () => {
    const sidecar = await startTestSidecar(t.portal.url, `${t.dir.path}/cache.db`, ['--rate-limits', 'off', '--analytics', 'off']);
    t.running.push(sidecar);
    await waitFor(() => sidecar.cache.meta.revision === t.portal.revision, 'the first sync');
    expect((await httpRequest(sidecar.dataPort, '/pets/v1/pets', { headers: { 'x-api-key': t.world.keys.good } })).status).toBe(200);
    await waitFor(async () => (await stageCounts(sidecar.adminPort)).finish === 1, 'the close listener to run');
    expect(await stageCounts(sidecar.adminPort)).toEqual({ start: 1, admission: 1, limits: 0, forward: 1, finish: 1, analytics: 0 });
  });
});
