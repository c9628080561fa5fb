import { once } from 'node:events';
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pinnedPublicKey, SIGNATURE_HEADER, signBody } from '../../src/contract/signature';
import { ANALYTICS_PATH, usageBatchSchema } from '../../src/contract/analytics';
import { SYNC_PATH, type SyncChange, type SyncResponse } from '../../src/contract/sync';

/**
 * The portal's sync endpoint reduced to what a benchmark needs: one signed snapshot for a new sidecar, then every
 * poll is held until the wait runs out (nothing changes during a throughput run). Signed with a fresh Ed25519 key,
 * so it keeps working once the sidecar requires `--portal-public-key`.
 */
export async function startSnapshotServer(environment: string, changes: SyncChange[]) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const revision = 1;
  const snapshot: SyncResponse = { protocol: 1, environment, revision, mode: 'snapshot', since: 0, settings: { corsOrigins: [] }, changes };
  const snapshotBody = Buffer.from(JSON.stringify(snapshot));
  const snapshotSignature = signBody(snapshotBody, privateKey);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench');
    // Usage batches are acknowledged (not stored), so the sidecar's outbox does its whole job: append, ship, delete.
    if (url.pathname === ANALYTICS_PATH) return acknowledgeUsage(req, res);
    if (url.pathname !== SYNC_PATH) return void res.writeHead(404).end();
    const since = Number(url.searchParams.get('since') ?? 0);
    const send = (body: Buffer, signature: string) =>
      res.writeHead(200, { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature }).end(body);
    if (since !== revision) return send(snapshotBody, snapshotSignature);
    const timer = setTimeout(() => {
      const body = Buffer.from(JSON.stringify({ ...snapshot, mode: 'delta', since, changes: [] }));
      send(body, signBody(body, privateKey));
    }, Number(url.searchParams.get('waitMs') ?? 25_000));
    res.once('close', () => clearTimeout(timer));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    publicKey: pinnedPublicKey(publicKey),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function acknowledgeUsage(req: http.IncomingMessage, res: http.ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const batch = usageBatchSchema.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ batchId: batch.batchId, accepted: batch.events.length, duplicates: 0 }));
  });
}
