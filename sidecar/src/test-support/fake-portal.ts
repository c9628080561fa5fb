import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ANALYTICS_PATH, type QuotaUsage, type UsageBatch, type UsageEvent, usageBatchSchema } from '../contract/analytics';
import { quotaPeriodAt } from '../contract/quota-period';
import { SIGNATURE_HEADER } from '../contract/signature';
import { SYNC_PATH, type SyncChange, type SyncSettings, syncReportSchema, syncResponseSchema } from '../contract/sync';
import { signWithTestKey } from './portal-keys';

export const TEST_TOKEN = 'gwt_test_token_0123456789';

/**
 * A scripted answer instead of the normal one. `body` defaults to the normal answer; `signature` defaults to a
 * valid signature over the bytes sent (null: no header; a string: that header); `action` breaks the transfer:
 * `drop` closes the connection without answering (a lost answer), `truncate` sends headers and half the body.
 * `holdUntil` delays the answer (a slow portal).
 */
export interface ScriptedAnswer {
  status?: number;
  body?: unknown;
  signature?: string | null;
  contentType?: string;
  action?: 'drop' | 'truncate';
  holdUntil?: Promise<void>;
}

export type Intercept = (since: number) => ScriptedAnswer | null;

/** A signed answer exactly as it went over the wire, so a test can replay it later (a duplicate or a rollback). */
export interface SentAnswer {
  bytes: Buffer;
  signature: string;
}

/**
 * A real HTTP server playing the portal's sync endpoint: it keeps entities with the revision that last touched them,
 * answers a snapshot to new sidecars and a delta to the others, and holds a poll that is up to date until a change
 * is pushed or waitMs passes. Answers go through the contract schema and are signed with the test portal key, so
 * they are what a real portal may send.
 */
export async function startFakePortal(environment = 'default') {
  const entities = new Map<string, { change: SyncChange; revision: number }>();
  const waiters = new Set<() => void>();
  let revision = 0;
  let settings: SyncSettings = { corsOrigins: [] };
  const polls: ReturnType<typeof syncReportSchema.parse>[] = [];
  const sent: SentAnswer[] = [];
  const state = { holding: 0, intercept: null as Intercept | null, authorizations: [] as string[] };

  function answer(since: number) {
    const snapshot = since === 0 || since > revision;
    const changes = [...entities.values()]
      .filter((e) => (snapshot ? e.change.data !== null : e.revision > since))
      .map((e) => e.change);
    return syncResponseSchema.parse({ protocol: 1, environment, revision, mode: snapshot ? 'snapshot' : 'delta', since: snapshot ? 0 : since, settings, changes });
  }

  function send(res: http.ServerResponse, scripted: ScriptedAnswer, normal: () => unknown): void {
    const body = scripted.body === undefined ? normal() : scripted.body;
    const bytes = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
    const signature = scripted.signature === undefined ? signWithTestKey(bytes) : scripted.signature;
    if (scripted.action === 'drop') return void res.socket?.destroy();
    const headers: Record<string, string> = { 'content-type': scripted.contentType ?? 'application/json', 'content-length': String(bytes.length) };
    if (signature !== null) headers[SIGNATURE_HEADER] = signature;
    res.writeHead(scripted.status ?? 200, headers);
    if (scripted.action === 'truncate') {
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
      return void setImmediate(() => res.socket?.destroy());
    }
    if (signature !== null && (scripted.status ?? 200) === 200) sent.push({ bytes, signature });
    res.end(bytes);
  }

  const usage = new Map<string, UsageEvent>();
  /** `elsewhere` plays the rest of the fleet: admitted requests by `<appId> <apiId>` that other gateways reported. */
  const analytics = { down: false, batches: 0, droppedTotal: 0, elsewhere: new Map<string, number>() };

  /** The cloud's quota counts for the subscriptions in a batch, as the real portal answers them. */
  function quotaCounts(batch: UsageBatch): QuotaUsage[] {
    const counts = new Map<string, QuotaUsage>();
    for (const e of batch.events) {
      const period = quotaPeriodAt(e.at).name;
      counts.set(`${e.appId} ${e.apiId} ${period}`, { appId: e.appId, apiId: e.apiId, period, used: 0, usedHere: 0 });
    }
    for (const e of usage.values()) {
      const c = counts.get(`${e.appId} ${e.apiId} ${quotaPeriodAt(e.at).name}`);
      if (c && !e.refused) c.usedHere += 1;
    }
    for (const c of counts.values()) c.used = c.usedHere + (analytics.elsewhere.get(`${c.appId} ${c.apiId}`) ?? 0);
    return [...counts.values()];
  }

  /** The ingest endpoint: idempotent on event id, as the real portal's is. */
  function ingest(req: http.IncomingMessage, res: http.ServerResponse): void {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c;
    });
    req.on('end', () => {
      if (analytics.down) return void res.writeHead(503).end();
      const batch = usageBatchSchema.parse(JSON.parse(body));
      analytics.batches += 1;
      analytics.droppedTotal = batch.droppedTotal;
      let accepted = 0;
      for (const event of batch.events) {
        if (usage.has(event.eventId)) continue;
        usage.set(event.eventId, event);
        accepted += 1;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ batchId: batch.batchId, accepted, duplicates: batch.events.length - accepted, quota: quotaCounts(batch) }));
    });
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://portal');
    if (url.pathname === ANALYTICS_PATH && req.method === 'POST' && req.headers.authorization === `Bearer ${TEST_TOKEN}`) return ingest(req, res);
    if (url.pathname !== SYNC_PATH) return void res.writeHead(404).end();
    state.authorizations.push(req.headers.authorization ?? '');
    if (req.headers.authorization !== `Bearer ${TEST_TOKEN}`) return void res.writeHead(401).end();
    const report = syncReportSchema.parse(Object.fromEntries(url.searchParams));
    polls.push(report);
    const scripted = state.intercept?.(report.since);
    if (scripted) {
      if (scripted.holdUntil) await scripted.holdUntil;
      if (!res.destroyed) send(res, scripted, () => answer(report.since));
      return;
    }
    if (report.since === revision && report.waitMs > 0) await hold(report.waitMs, res);
    if (res.destroyed) return;
    send(res, {}, () => answer(report.since));
  });

  async function hold(waitMs: number, res: http.ServerResponse): Promise<void> {
    state.holding += 1;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, waitMs);
      res.once('close', done);
      waiters.add(done);
      function done() {
        clearTimeout(timer);
        waiters.delete(done);
        resolve();
      }
    });
    state.holding -= 1;
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    environment,
    polls,
    state,
    /** Usage events stored by the ingest endpoint, by event id; `analytics.down` makes it answer 503. */
    usage,
    analytics,
    /** Every signed 200 answer sent, oldest first. */
    sent,
    get revision() {
      return revision;
    },
    /** The answer a sidecar at `since` would get now, unsigned (tests sign or corrupt it themselves). */
    answerFor: (since: number) => answer(since),
    /** Commits changes as one new revision and wakes held polls. */
    push(changes: SyncChange[], nextSettings?: SyncSettings) {
      revision += 1;
      for (const change of changes) entities.set(`${change.kind}\u0000${change.id}`, { change, revision });
      if (nextSettings) settings = nextSettings;
      for (const wake of [...waiters]) wake();
    },
    /** An outage: stop listening (connections are refused) and cut open polls; state is kept for goOnline. */
    async goOffline() {
      for (const wake of [...waiters]) wake();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
    /** Back on the same port, with every change pushed during the outage. */
    async goOnline() {
      server.listen(port, '127.0.0.1');
      await once(server, 'listening');
    },
    async close() {
      if (!server.listening) return;
      for (const wake of [...waiters]) wake();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakePortal = Awaited<ReturnType<typeof startFakePortal>>;
