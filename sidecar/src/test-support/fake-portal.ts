import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SYNC_PATH, type SyncChange, type SyncSettings, syncReportSchema, syncResponseSchema } from '../contract/sync';

export const TEST_TOKEN = 'gwt_test_token_0123456789';

export type Intercept = (since: number) => { status: number; body: unknown } | null;

/**
 * A real HTTP server playing the portal's sync endpoint: it keeps entities with the revision that last touched them,
 * answers a snapshot to new sidecars and a delta to the others, and holds a poll that is up to date until a change
 * is pushed or waitMs passes. Answers go through the contract schema, so they are what a real portal may send.
 */
export async function startFakePortal(environment = 'default') {
  const entities = new Map<string, { change: SyncChange; revision: number }>();
  const waiters = new Set<() => void>();
  let revision = 0;
  let settings: SyncSettings = { corsOrigins: [] };
  const polls: ReturnType<typeof syncReportSchema.parse>[] = [];
  const state = { holding: 0, intercept: null as Intercept | null, authorizations: [] as string[] };

  function answer(since: number) {
    const snapshot = since === 0 || since > revision;
    const changes = [...entities.values()]
      .filter((e) => (snapshot ? e.change.data !== null : e.revision > since))
      .map((e) => e.change);
    return syncResponseSchema.parse({ protocol: 1, environment, revision, mode: snapshot ? 'snapshot' : 'delta', since: snapshot ? 0 : since, settings, changes });
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://portal');
    if (url.pathname !== SYNC_PATH) return void res.writeHead(404).end();
    state.authorizations.push(req.headers.authorization ?? '');
    if (req.headers.authorization !== `Bearer ${TEST_TOKEN}`) return void res.writeHead(401).end();
    const report = syncReportSchema.parse(Object.fromEntries(url.searchParams));
    polls.push(report);
    const intercepted = state.intercept?.(report.since);
    if (intercepted) {
      res.writeHead(intercepted.status, { 'content-type': 'application/json' });
      return void res.end(typeof intercepted.body === 'string' ? intercepted.body : JSON.stringify(intercepted.body));
    }
    if (report.since === revision && report.waitMs > 0) await hold(report.waitMs, res);
    if (res.destroyed) return;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer(report.since)));
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
    polls,
    state,
    get revision() {
      return revision;
    },
    /** Commits changes as one new revision and wakes held polls. */
    push(changes: SyncChange[], nextSettings?: SyncSettings) {
      revision += 1;
      for (const change of changes) entities.set(`${change.kind}\u0000${change.id}`, { change, revision });
      if (nextSettings) settings = nextSettings;
      for (const wake of [...waiters]) wake();
    },
    async close() {
      for (const wake of [...waiters]) wake();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakePortal = Awaited<ReturnType<typeof startFakePortal>>;
