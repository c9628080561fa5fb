import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../config';
import { startSidecar, type SidecarOptions } from '../sidecar';
import { TEST_TOKEN } from './fake-portal';
import { TEST_PORTAL_KEY } from './portal-keys';

export function tempDir(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'gatehouse-sidecar-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** The real sidecar on port 0, configured through the same parser the process uses. */
export async function startTestSidecar(portalUrl: string, cachePath: string, extraArgs: string[] = [], options: SidecarOptions = {}) {
  const parsed = parseConfig(
    ['--portal-url', portalUrl, '--token', TEST_TOKEN, '--portal-public-key', TEST_PORTAL_KEY.pinned, '--listen', '127.0.0.1:0', '--admin-listen', '127.0.0.1:0', '--cache', cachePath,
      '--sync-wait-ms', '2000', '--log-level', 'silent', ...extraArgs],
    {},
  );
  if (parsed.kind !== 'config') throw new Error(`bad test config: ${JSON.stringify(parsed)}`);
  return startSidecar(parsed.config, { syncBackoff: { baseMs: 5, maxMs: 50 }, minIdlePollMs: 0, ...options });
}
