import { afterEach, beforeEach } from 'vitest';
import type { RunningSidecar } from '../sidecar';
import { type FakePortal, startFakePortal } from './fake-portal';
import { type FakeUpstream, startFakeUpstream } from './fake-upstream';
import { testWorld } from './fixtures';
import { tempDir } from './harness';

export interface TestWorld {
  dir: ReturnType<typeof tempDir>;
  upstream: FakeUpstream;
  portal: FakePortal;
  world: ReturnType<typeof testWorld>;
  /** Sidecars a test started; each is stopped after the test. */
  running: RunningSidecar[];
}

/**
 * Gives every test of the calling file a fresh temp dir, a real upstream and a fake portal already holding the test
 * world (keys that expire in 2100), and stops whatever sidecars the test registered in `running`.
 */
export function useTestWorld(): TestWorld {
  const t = { running: [] as RunningSidecar[] } as TestWorld;
  beforeEach(async () => {
    t.dir = tempDir();
    t.upstream = await startFakeUpstream();
    t.portal = await startFakePortal();
    t.world = testWorld(t.upstream.url, Date.UTC(2100, 0, 1));
    t.portal.push(t.world.changes);
  });
  afterEach(async () => {
    await Promise.all(t.running.splice(0).map((s) => s.stop()));
    await Promise.all([t.portal.close(), t.upstream.close()]);
    t.dir.remove();
  });
  return t;
}
