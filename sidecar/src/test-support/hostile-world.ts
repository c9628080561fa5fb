import { afterAll, beforeAll, beforeEach } from 'vitest';
import { generateApiKey } from '../contract/key-format';
import type { RunningSidecar } from '../sidecar';
import { startFakePortal } from './fake-portal';
import { key, route, subscription, tier } from './fixtures';
import { startTestSidecar, tempDir } from './harness';
import { startRecordingUpstream, type UpstreamBehaviour } from './recording-upstream';
import { waitFor } from './wait-for';

/**
 * The attacker's view of a deployment: three APIs on one backend (Weather, Echo, Books), and a key that anyone could
 * get by signing up and subscribing to Weather only. The backend is a recording upstream, so a test asserts on the
 * exact bytes that reached it.
 */
export async function startHostileWorld(extraArgs: string[] = [], behaviour?: (target: string) => UpstreamBehaviour) {
  const dir = tempDir();
  const upstream = await startRecordingUpstream(behaviour);
  const portal = await startFakePortal();
  const weatherKey = generateApiKey();
  portal.push([
    route('weather', '/weather/v1', `${upstream.url}/weather`),
    route('echo', '/echo/v1', `${upstream.url}/echo`),
    route('books', '/books/v1', `${upstream.url}/books`),
    tier(),
    key(weatherKey, 'app-w', null, 'key-weather'),
    subscription('app-w', 'weather'),
  ]);
  const sidecar: RunningSidecar = await startTestSidecar(portal.url, `${dir.path}/cache.db`, ['--upstream-timeout-ms', '3000', ...extraArgs]);
  await waitFor(() => sidecar.cache.meta.revision === portal.revision, 'first sync');
  return {
    upstream,
    portal,
    sidecar,
    weatherKey,
    port: sidecar.dataPort,
    async close() {
      await sidecar.stop();
      await Promise.all([portal.close(), upstream.close()]);
      dir.remove();
    },
  };
}

export type HostileWorld = Awaited<ReturnType<typeof startHostileWorld>>;

/**
 * One hostile world for all the tests of the calling file (a sidecar start is the slow part), with the recording
 * upstream emptied before each test so that each asserts only on what its own bytes made reach the backend.
 */
export function useHostileWorld(extraArgs: string[] = [], behaviour?: (target: string) => UpstreamBehaviour): HostileWorld {
  const w = {} as HostileWorld;
  beforeAll(async () => {
    Object.assign(w, await startHostileWorld(extraArgs, behaviour));
  });
  afterAll(() => w.close());
  beforeEach(() => {
    w.upstream.received.length = 0;
    w.upstream.garbage.length = 0;
  });
  return w;
}
