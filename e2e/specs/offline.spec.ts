import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_STACK, callGateway, demoCredentials, portalPublicKey, stackFile, stackPids } from '../support/stack';

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

async function processGone(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

test('with the portal down the sidecar keeps serving valid keys, also after its own restart', async () => {
  const { subscriberKey, gatewayToken } = demoCredentials();
  const pids = stackPids();
  expect((await callGateway('/weather/v1/cities', subscriberKey)).status).toBe(200);

  killGroup(pids.portal, 'SIGKILL');
  await expect.poll(() => processGone(pids.portal)).toBe(true);
  await expect.poll(async () => fetch(E2E_STACK.portalUrl).then(() => 'up', () => 'down')).toBe('down');
  expect((await callGateway('/weather/v1/cities', subscriberKey)).status).toBe(200);
  expect((await callGateway('/weather/v1/cities', 'gk_unknownunknownunknownunknownun000000')).status).toBe(401);

  // Restart the sidecar on the same cache while the portal is still down.
  killGroup(pids.sidecar, 'SIGTERM');
  await expect.poll(() => processGone(pids.sidecar), { timeout: 15_000 }).toBe(true);
  const restarted = spawn(
    path.resolve('node_modules/.bin/tsx'),
    [
      'sidecar/src/main.ts',
      '--portal-url', E2E_STACK.portalUrl,
      '--portal-public-key', portalPublicKey(),
      '--listen', new URL(E2E_STACK.gatewayUrl).host,
      '--admin-listen', new URL(E2E_STACK.gatewayAdminUrl).host,
      '--cache', stackFile('sidecar-default.db'),
    ],
    { env: { ...process.env, GATEHOUSE_GATEWAY_TOKEN: gatewayToken }, stdio: 'ignore', detached: true },
  );
  try {
    const started = Date.now();
    await expect.poll(async () => (await callGateway('/weather/v1/cities', subscriberKey).catch(() => ({ status: 0 }))).status, { timeout: 15_000 }).toBe(200);
    test.info().annotations.push({ type: 'restart to serving, portal down', description: `${Date.now() - started} ms` });
    const ready = await fetch(`${E2E_STACK.gatewayAdminUrl}/readyz`);
    expect(ready.status).toBe(200);
  } finally {
    if (restarted.pid) killGroup(restarted.pid, 'SIGTERM');
  }
});
