import type { RunningSidecar, SidecarOptions } from '../../sidecar';
import { type FakePortal, type ScriptedAnswer, startFakePortal } from '../../test-support/fake-portal';
import { type FakeUpstream, startFakeUpstream } from '../../test-support/fake-upstream';
import { testWorld } from '../../test-support/fixtures';
import { startTestSidecar, tempDir } from '../../test-support/harness';
import { httpRequest } from '../../test-support/http-client';
import { memoryLogger } from '../../test-support/memory-logger';
import { metricValue } from '../../test-support/metric-value';
import { waitFor } from '../../test-support/wait-for';

/**
 * A fake portal, a real upstream and a real sidecar that has synced the test world and parked its next poll (a
 * minute-long wait, so every later poll is one a test caused). Shared by the fault suites.
 */
export async function startSyncedWorld(extraArgs: string[] = [], options: SidecarOptions = {}) {
  const dir = tempDir();
  const upstream: FakeUpstream = await startFakeUpstream();
  const portal: FakePortal = await startFakePortal();
  const world = testWorld(upstream.url, Date.UTC(2100, 0, 1));
  portal.push(world.changes);
  const log = memoryLogger();
  const sidecar: RunningSidecar = await startTestSidecar(portal.url, `${dir.path}/cache.db`, ['--sync-wait-ms', '60000', ...extraArgs], {
    logger: log.logger,
    ...options,
  });
  const parked = () => sidecar.cache.meta.revision === portal.revision && portal.state.holding === 1;
  await waitFor(parked, 'first sync, then a parked poll');

  return {
    dir,
    upstream,
    portal,
    world,
    log,
    sidecar,
    parked,
    call: (apiKey: string) => httpRequest(sidecar.dataPort, '/pets/v1/pets', { headers: { 'x-api-key': apiKey } }),
    rejections: (reason: string) => metricValue(sidecar.metrics, 'gatehouse_sync_rejections_total', { reason }),
    failures: (reason: string) => metricValue(sidecar.metrics, 'gatehouse_sync_failures_total', { reason }),
    /**
     * Makes the next `times` polls get `scripted` (built from the revision the sidecar then asks from), by waking the
     * parked poll with an empty revision first.
     */
    script(scripted: (since: number) => ScriptedAnswer, times = 1) {
      let left = times;
      portal.state.intercept = (since) => (left-- > 0 ? scripted(since) : null);
      portal.push([]);
      return { done: () => left <= 0 };
    },
    async stop() {
      portal.state.intercept = null;
      await sidecar.stop();
      await Promise.all([portal.close(), upstream.close()]);
      dir.remove();
    },
  };
}

export type SyncedWorld = Awaited<ReturnType<typeof startSyncedWorld>>;
