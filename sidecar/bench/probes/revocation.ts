import { generateKeyPairSync } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pinnedPublicKey } from '../../src/contract/signature';
import { createApplication } from '../../../portal/lib/server/apps/create-application';
import { openSqlite } from '../../../portal/lib/server/db/client';
import { migrateToLatest } from '../../../portal/lib/server/db/migrate';
import { registerGateway } from '../../../portal/lib/server/gateways/register-gateway';
import { createApiKey } from '../../../portal/lib/server/keys/create-api-key';
import { revokeApiKey } from '../../../portal/lib/server/keys/revoke-api-key';
import { subscribe } from '../../../portal/lib/server/subscriptions/subscribe';
import { answerSyncPoll } from '../../../portal/lib/server/sync/answer-sync-poll';
import { syncedTransaction } from '../../../portal/lib/server/sync/synced-transaction';
import { createCatalog, createUser } from '../../../portal/lib/server/testing/test-db';
import { percentile } from '../support/stats';
import { httpStatus, pinned, startManaged, tsNode, waitForStatus } from '../support/processes';

/**
 * Revocation propagation while connected, through the real portal: a real SQLite portal database from the real
 * migrations, `revokeApiKey` (the operation the portal's route calls), the real sync answer (`answerSyncPoll`:
 * token check, long-poll wait, feed, Ed25519 signature) behind a bare node:http server instead of Next, and the real
 * sidecar process. Each sample runs from the revocation's commit to the first 401 the sidecar gives for that key.
 * Run with `--conditions=react-server` (portal modules import 'server-only'). Prints one JSON line.
 */
async function main(): Promise<void> {
  const [count, portBase, serverCpu] = process.argv.slice(2).map(Number) as [number, number, number];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-bench-revocation-'));
  const backend = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  backend.listen(0, '127.0.0.1');
  await once(backend, 'listening');

  const db = openSqlite(path.join(dir, 'portal.db'));
  await migrateToLatest(db);
  const alice = await createUser(db, 'alice');
  const cat = await createCatalog(db);
  const backendUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}/base`;
  await syncedTransaction(db, async (trx, touch) => {
    await trx.updateTable('apis').set({ backend_url: backendUrl }).where('id', '=', cat.api.id).execute();
    touch(`api:${cat.api.id}`);
  });
  const app = await createApplication(db, alice, { name: 'bench', description: '' });
  await subscribe(db, alice, app.id, { apiId: cat.api.id, tierId: cat.tierId });
  const keys = [];
  for (let i = 0; i < count; i++) keys.push(await createApiKey(db, alice, app.id, { name: `k${i}`, expiresAt: null }));
  const gateway = await registerGateway(db, { environmentId: cat.env.id, name: 'bench' });

  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const portal = http.createServer(async (req, res) => {
    const abort = new AbortController();
    res.once('close', () => abort.abort());
    try {
      const request = new Request(`http://127.0.0.1${req.url ?? '/'}`, { headers: req.headers as Record<string, string>, signal: abort.signal });
      const answer = await answerSyncPoll(db, request, { privateKey }, []);
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(Buffer.from(await answer.arrayBuffer()));
    } catch (error) {
      if (!res.headersSent) res.writeHead((error as { status?: number }).status ?? 500).end();
    }
  });
  portal.listen(0, '127.0.0.1');
  await once(portal, 'listening');

  const dataPort = portBase + 20;
  const adminPort = portBase + 21;
  const args = ['--portal-url', `http://127.0.0.1:${(portal.address() as AddressInfo).port}`, '--portal-public-key', pinnedPublicKey(publicKey),
    '--listen', `127.0.0.1:${dataPort}`, '--admin-listen', `127.0.0.1:${adminPort}`, '--cache', path.join(dir, 'sidecar.db'), '--log-level', 'warn'];
  const sidecar = startManaged('sidecar', pinned(Number.isFinite(serverCpu) ? serverCpu : null, ...tsNode('sidecar/src/main.ts', args)), {
    ...process.env,
    GATEHOUSE_GATEWAY_TOKEN: gateway.token,
  });
  const url = `http://127.0.0.1:${dataPort}${cat.api.context}/things`;
  const samplesMs: number[] = [];
  const withTxMs: number[] = [];
  let missed = 0;
  try {
    await waitForStatus(`http://127.0.0.1:${adminPort}/readyz`, 200, sidecar);
    for (const key of keys) {
      await waitForStatus(url, 200, sidecar, 5000, { 'x-api-key': key.key });
      const started = performance.now();
      await revokeApiKey(db, alice, app.id, key.id);
      const committed = performance.now();
      let status = 200;
      while (status !== 401 && performance.now() - committed < 5000) status = await httpStatus(url, { 'x-api-key': key.key });
      const seen = performance.now();
      if (status !== 401) missed += 1;
      samplesMs.push(seen - committed);
      withTxMs.push(seen - started);
    }
  } finally {
    await sidecar.stop();
    portal.closeAllConnections();
    portal.close();
    backend.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
  const summary = (values: number[]) => ({ p50Ms: percentile(values, 50), p99Ms: percentile(values, 99), maxMs: Math.max(...values) });
  process.stdout.write(`${JSON.stringify({ revocations: keys.length, missed, fromCommit: summary(samplesMs), includingTransaction: summary(withTxMs) })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
