import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signIn } from '../pages/auth-pages';
import { revokeKey } from '../pages/apps-pages';
import { gatewayRow, parseStartCommand, registerGateway } from '../pages/fleet-pages';
import { E2E_STACK, callGateway, portalPublicKey, stackFile } from '../support/stack';

// The second sidecar listens two ports above the stack's own gateway, so port offsets keep working.
const base = Number(new URL(E2E_STACK.gatewayUrl).port);
const second = { listen: `127.0.0.1:${base + 2}`, admin: `127.0.0.1:${base + 3}` };
const callSecond = (p: string, key: string) => fetch(`http://${second.listen}${p}`, { headers: { 'x-api-key': key } }).then((r) => r.status, () => 0);

function startSidecar(token: string, portalUrl: string, publicKey: string): ChildProcess {
  return spawn(
    path.resolve('node_modules/.bin/tsx'),
    ['sidecar/src/main.ts', '--portal-url', portalUrl, '--portal-public-key', publicKey, '--listen', second.listen, '--admin-listen', second.admin, '--cache', stackFile('sidecar-second.db'), '--node-id', 'e2e-second'],
    { env: { ...process.env, GATEHOUSE_GATEWAY_TOKEN: token }, stdio: 'ignore', detached: true },
  );
}

test('an admin registers a second gateway, both show online, and a revoked key is receipted on 2 of 2 gateways', async ({ page }) => {
  await signIn(page, 'admin@gatehouse.local', 'gatehouse-admin');
  await page.getByRole('link', { name: 'Admin' }).click();
  await expect(page.getByRole('heading', { name: 'Gateways', level: 1 })).toBeVisible();
  await expect(page.getByTestId('portal-public-key')).toHaveText(portalPublicKey());

  const name = `second-${Date.now()}`;
  const command = parseStartCommand(await registerGateway(page, 'default', name));
  expect(command.publicKey).toBe(portalPublicKey());
  expect(command.portalUrl).toBe(E2E_STACK.portalUrl);
  const sidecar = startSidecar(command.token, command.portalUrl, command.publicKey);
  try {
    await expect.poll(() => fetch(`http://${second.admin}/readyz`).then((r) => r.status, () => 0), { timeout: 20_000 }).toBe(200);
    await expect(gatewayRow(page, name).getByText('Online')).toBeVisible();
    await expect(gatewayRow(page, 'demo-gateway').getByText('Online')).toBeVisible();
    await expect(gatewayRow(page, name)).toContainText('e2e-second');

    // A key of the admin's own application, arranged through the REST API; the receipts are what this is about.
    const app = await (await page.request.post('/api/v1/apps', { data: { name: 'Fleet check' } })).json();
    expect((await page.request.post(`/api/v1/apps/${app.id}/subscriptions`, { data: { apiId: 'api_weather_v1', tierId: 'tier_bronze' } })).ok()).toBe(true);
    const key = await (await page.request.post(`/api/v1/apps/${app.id}/keys`, { data: { name: 'fleet-key' } })).json();

    await page.goto(`/apps/${app.id}`);
    const row = page.getByTestId('key-row').filter({ hasText: 'fleet-key' });
    await expect(row).toContainText('live on 2 of 2 gateways in default');
    expect(await callSecond('/weather/v1/cities', key.key)).toBe(200);
    expect((await callGateway('/weather/v1/cities', key.key)).status).toBe(200);

    await revokeKey(page, 'fleet-key');
    await expect(row).toContainText('revoked on 2 of 2 gateways in default');
    expect(await callSecond('/weather/v1/cities', key.key)).toBe(401);
    expect((await callGateway('/weather/v1/cities', key.key)).status).toBe(401);

    // Revoking the gateway ends its sync; it stays listed as revoked.
    await page.goto('/admin/gateways');
    await gatewayRow(page, name).getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke gateway' }).click();
    await expect(gatewayRow(page, name).getByText('Revoked')).toBeVisible();
  } finally {
    if (sidecar.pid) process.kill(-sidecar.pid, 'SIGTERM');
  }
});

test('a developer who is not an admin is refused the fleet', async ({ page }) => {
  await signIn(page, 'subscriber@gatehouse.local', 'gatehouse-subscriber');
  await expect(page.getByRole('link', { name: 'Admin' })).toHaveCount(0);
  expect((await page.request.get('/api/v1/admin/gateways')).status()).toBe(403);
  await page.goto('/admin/gateways');
  await expect(page.getByText('Admins only')).toBeVisible();
});
