import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pinnedPublicKey } from '../../src/contract/signature';
import { PortalClient } from '../support/portal-client';
import { freshLoopback, httpStatus, pinned, REPO_ROOT, startManaged, TASKSET, tsNode, waitForStatus } from '../support/processes';
import { percentile } from '../support/stats';

/** The demo subscriber `npm start` seeds (README, Quick start): the probe acts as that person would. */
const SUBSCRIBER = { email: 'subscriber@gatehouse.local', password: 'gatehouse-subscriber' };

interface Subscription {
  status: string;
  api: { context: string };
}

/**
 * Revocation propagation while connected, through the real portal process: the stack `npm start` runs (built
 * Next.js portal, migrated and seeded SQLite, demo backend) on its own ports and data directory, driven over its
 * REST API with a personal access token, and a sidecar of our own pinned to the server core, synced with the demo
 * gateway's token. Each sample runs from the revoke call's answer (the commit is done) to the first 401 the sidecar
 * gives for that key. Prints one JSON line.
 */
async function main(): Promise<void> {
  const [count, portBase, serverCpu] = process.argv.slice(2).map(Number) as [number, number, number];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-bench-revocation-'));
  const port = (n: number) => String(portBase + n);
  // On every core, not only the probe's: the stack builds the portal (Next.js) first when no build is current.
  const everyCore = `0-${os.availableParallelism() - 1}`;
  const stackCommand = [process.execPath, '--import', 'tsx', '--conditions=react-server', path.join(REPO_ROOT, 'portal/scripts/start.ts')];
  const stack = startManaged('portal stack', TASKSET ? [TASKSET, ['-c', everyCore, ...stackCommand]] : [stackCommand[0] as string, stackCommand.slice(1)], {
    ...process.env,
    GATEHOUSE_DATA_DIR: dir,
    GATEHOUSE_HOST: '127.0.0.1',
    GATEHOUSE_PORTAL_PORT: port(30),
    GATEHOUSE_GATEWAY_PORT: port(31),
    GATEHOUSE_GATEWAY_ADMIN_PORT: port(32),
    GATEHOUSE_BACKEND_PORT: port(33),
  });
  const portalUrl = `http://127.0.0.1:${port(30)}`;
  let sidecar: ReturnType<typeof startManaged> | null = null;
  const samplesMs: number[] = [];
  const withRequestMs: number[] = [];
  let missed = 0;
  try {
    // Ready once the stack's own sidecar is: the portal answers, data is seeded, the signing key is written. The
    // first start builds the portal when no build is current, hence the long wait.
    await waitForStatus(`http://127.0.0.1:${port(32)}/readyz`, 200, stack, 840_000);
    const portal = await PortalClient.signIn(portalUrl, SUBSCRIBER.email, SUBSCRIBER.password);
    const [app] = (await portal.call<{ items: { id: string }[] }>('GET', '/apps')).items;
    if (!app) throw new Error('the demo subscriber has no application');
    const subscription = (await portal.call<{ items: Subscription[] }>('GET', `/apps/${app.id}/subscriptions`)).items.find((s) => s.status === 'ACTIVE');
    if (!subscription) throw new Error('the demo application has no active subscription');
    const keys: { id: string; key: string }[] = [];
    for (let i = 0; i < count; i++) keys.push(await portal.call('POST', `/apps/${app.id}/keys`, { name: `bench ${i}`, expiresAt: null }));

    const { gatewayToken } = JSON.parse(readFileSync(path.join(dir, 'demo-credentials.json'), 'utf8')) as { gatewayToken: string };
    const publicKey = pinnedPublicKey(createPublicKey(createPrivateKey(readFileSync(path.join(dir, 'sync-signing-key.pem'), 'utf8'))));
    const args = ['--portal-url', portalUrl, '--portal-public-key', publicKey, '--listen', `127.0.0.1:${port(20)}`, '--admin-listen', `127.0.0.1:${port(21)}`,
      '--cache', path.join(dir, 'bench-sidecar.db'), '--log-level', 'warn'];
    sidecar = startManaged('sidecar', pinned(Number.isFinite(serverCpu) ? serverCpu : null, ...tsNode('sidecar/src/main.ts', args)), { ...process.env, GATEHOUSE_GATEWAY_TOKEN: gatewayToken });
    await waitForStatus(`http://127.0.0.1:${port(21)}/readyz`, 200, sidecar);
    // Any answer but 401 means the sidecar accepted the key (the backend's status, or 429 from the tier's limit).
    const url = `http://127.0.0.1:${port(20)}${subscription.api.context}/`;
    for (const key of keys) {
      const deadline = performance.now() + 5000;
      while ((await httpStatus(url, { 'x-api-key': key.key }, freshLoopback())) === 401) {
        if (performance.now() > deadline) throw new Error('a new key did not reach the sidecar within 5 s');
      }
      const started = performance.now();
      await portal.call('POST', `/apps/${app.id}/keys/${key.id}/revoke`);
      const committed = performance.now();
      let status = 0;
      while (status !== 401 && performance.now() - committed < 5000) status = await httpStatus(url, { 'x-api-key': key.key }, freshLoopback());
      const seen = performance.now();
      if (status !== 401) missed += 1;
      samplesMs.push(seen - committed);
      withRequestMs.push(seen - started);
    }
  } finally {
    await sidecar?.stop();
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const summary = (values: number[]) => ({ p50Ms: percentile(values, 50), p99Ms: percentile(values, 99), maxMs: Math.max(...values) });
  process.stdout.write(`${JSON.stringify({ revocations: samplesMs.length, missed, fromCommit: summary(samplesMs), includingTransaction: summary(withRequestMs) })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
