import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signIn } from '../pages/auth-pages';
import { gatewayRow, registerGateway } from '../pages/fleet-pages';
import { operatorPath, packedSidecarDir } from '../support/packed-sidecar';
import { E2E_STACK, demoCredentials } from '../support/stack';

// Four ports above the stack's gateway: the fleet journey's second sidecar uses two and three.
const base = Number(new URL(E2E_STACK.gatewayUrl).port);
const ports = { listen: `127.0.0.1:${base + 4}`, admin: `127.0.0.1:${base + 5}` };
let installDir = '';

test.beforeAll(() => {
  // Packing and installing compiles better-sqlite3 when CI has not prepared the folder: minutes, once.
  test.setTimeout(300_000);
  installDir = packedSidecarDir();
});

test('the printed npx command, run where only the packed tarball is installed, serves a subscriber 200', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'admin@gatehouse.local', 'gatehouse-admin');
  await page.goto('/admin/gateways');
  const name = `packed-${Date.now()}`;
  const registeredAt = performance.now();
  const command = await registerGateway(page, 'default', name);
  expect(command).toMatch(/^GATEHOUSE_GATEWAY_TOKEN=gwt_\S+ npx --yes @gatehouse\/sidecar@\d+\.\d+\.\d+ /);

  // The operator's shell: a fresh folder under the install (npx finds the package there), offline, the printed
  // command as shown, with this test's ports appended (later flags win) so it runs beside other stacks.
  const cwd = fs.mkdtempSync(path.join(installDir, 'run-'));
  const stderr: Buffer[] = [];
  const sidecar: ChildProcess = spawn('bash', ['-c', `${command} --listen ${ports.listen} --admin-listen ${ports.admin} --node-id ${name}`], {
    cwd,
    env: { HOME: process.env.HOME, PATH: operatorPath(), npm_config_offline: 'true', npm_config_update_notifier: 'false', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  sidecar.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
  try {
    const { subscriberKey } = demoCredentials();
    const call = () => fetch(`http://${ports.listen}/weather/v1/forecast?city=lisbon`, { headers: { 'x-api-key': subscriberKey } }).then((r) => r.status, () => 0);
    await expect.poll(call, { timeout: 60_000, intervals: [100] }).toBe(200);
    const registerToFirst200Ms = Math.round(performance.now() - registeredAt);
    test.info().annotations.push({ type: 'register to first 200', description: `${registerToFirst200Ms} ms` });
    console.log(`packed sidecar (${process.env.GATEHOUSE_PACKED_SIDECAR_NODE_BIN ? 'Node from GATEHOUSE_PACKED_SIDECAR_NODE_BIN' : process.version}): Register -> first 200 in ${registerToFirst200Ms} ms`);

    // It is the packed release that serves: the fleet shows its version and node id; its logs carry no DEP0060.
    const version = JSON.parse(fs.readFileSync(path.join(installDir, 'node_modules/@gatehouse/sidecar/package.json'), 'utf8')).version as string;
    await page.goto('/admin/gateways');
    await expect(gatewayRow(page, name)).toContainText(version);
    await expect(gatewayRow(page, name).getByText('Online')).toBeVisible();
    expect(Buffer.concat(stderr).toString()).not.toContain('DEP0060');
    expect(fs.existsSync(path.join(cwd, `gatehouse-${name}.db`))).toBe(true);
  } finally {
    if (sidecar.pid) process.kill(-sidecar.pid, 'SIGTERM');
    await new Promise((resolve) => (sidecar.exitCode !== null ? resolve(null) : sidecar.once('exit', resolve)));
    fs.rmSync(cwd, { recursive: true, force: true });
  }
});
