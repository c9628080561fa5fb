import fs from 'node:fs';
import path from 'node:path';
import { DEMO_USERS } from '../lib/server/seed/demo-catalog';
import { loadOrCreateSigningKey } from '../lib/server/sync/signing-key';
import { buildIfStale } from './stack/build-if-stale';
import { prepareData } from './stack/prepare-data';
import { type Managed, startProcess, stopAll, waitForUrl } from './stack/processes';
import { stackConfig } from './stack/stack-config';

/**
 * `npm start`: the whole stack on embedded defaults. Builds the portal when needed, migrates and seeds, starts the
 * demo backend, the portal and one sidecar, prints how to use them, and stops all of it on Ctrl-C.
 */
const repoRoot = path.resolve(__dirname, '../..');
const config = configOrExit();
const bin = (name: string) => path.join(repoRoot, 'node_modules/.bin', name);
const processes: Managed[] = [];
let stopping = false;

async function main(): Promise<void> {
  buildIfStale(repoRoot);
  const secrets = await prepareData(config);
  // Created before the portal starts, so the sidecar below pins the very key the portal will sign with.
  const signingKey = loadOrCreateSigningKey(config.dataDir);
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', GATEHOUSE_DATA_DIR: config.dataDir };

  const backend = startProcess('backend', bin('tsx'), [path.join(repoRoot, 'portal/scripts/demo-backend.ts')], { ...env, PORT: String(config.backendPort), HOST: config.host }, config.logDir);
  processes.push(backend);
  const portal = startProcess(
    'portal',
    bin('next'),
    ['start', path.join(repoRoot, 'portal'), '-p', String(config.portalPort), '-H', config.host],
    { ...env, NEXTAUTH_URL: config.portalUrl, NEXTAUTH_SECRET: config.nextAuthSecret, NODE_ENV: 'production' },
    config.logDir,
  );
  processes.push(portal);
  await waitForUrl(`${config.backendUrl}/weather/cities`, backend, 20_000);
  await waitForUrl(`${config.portalUrl}/api/v1/apis`, portal, 60_000);

  const sidecar = startProcess(
    'sidecar',
    bin('tsx'),
    [
      path.join(repoRoot, 'sidecar/src/main.ts'),
      '--portal-url', config.portalUrl,
      '--portal-public-key', signingKey.pinned,
      '--listen', config.gatewayListen,
      '--admin-listen', config.gatewayAdminListen,
      '--cache', path.join(config.dataDir, 'sidecar-default.db'),
    ],
    // The token travels in the environment, not argv, so `ps` does not show it.
    { ...env, GATEHOUSE_GATEWAY_TOKEN: secrets.gatewayToken },
    config.logDir,
  );
  processes.push(sidecar);
  await waitForUrl(`http://${config.gatewayAdminListen}/readyz`, sidecar, 30_000);

  fs.writeFileSync(path.join(config.dataDir, 'stack.json'), JSON.stringify(Object.fromEntries(processes.map((p) => [p.name, p.child.pid])), null, 2));
  for (const p of processes) {
    void p.exited.then((code) => {
      if (!stopping) console.error(`! ${p.name} exited (code ${code}); the rest keeps running. Its log: ${path.join(config.logDir, `${p.name}.log`)}`);
    });
  }
  printBanner(secrets.subscriberKey, signingKey.pinned);
}

function printBanner(demoKey: string, publicKey: string): void {
  const users = DEMO_USERS.map((u) => `    ${u.role.padEnd(10)} ${u.email.padEnd(28)} ${u.password}`).join('\n');
  console.log(`
Gatehouse is running.

  Portal          ${config.portalUrl}
  Gateway         ${config.gatewayUrl}   (sidecar; health and metrics on http://${config.gatewayAdminListen})
  Demo backend    ${config.backendUrl}

  Demo logins (role, email, password):
${users}

  Call the Weather API through the sidecar with the demo subscriber's key:
    curl -H "x-api-key: ${demoKey}" "${config.gatewayUrl}/weather/v1/forecast?city=lisbon"

  The same key on Echo, which the demo app does not subscribe to, gets 403:
    curl -i -H "x-api-key: ${demoKey}" ${config.gatewayUrl}/echo/v1/hello

  Sidecars pin the portal's sync signing key (--portal-public-key):
    ${publicKey}

  Data: ${config.dataDir}   Logs: ${config.logDir}
  Press Ctrl-C to stop everything.
`);
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping Gatehouse...');
  await stopAll(processes);
  process.exit(code);
}

function configOrExit() {
  try {
    return stackConfig(repoRoot);
  } catch (err) {
    console.error(`Gatehouse failed to start: ${(err as Error).message}`);
    process.exit(2);
  }
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
main().catch((err: Error) => {
  console.error(`Gatehouse failed to start: ${err.message}`);
  void shutdown(1);
});
