import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

/**
 * A real backend on port 0. Paths containing `/slow` are held without an answer until released (for timeouts, aborts and drains); every
 * other request gets a JSON echo. It counts its open sockets so tests can prove the sidecar releases them.
 */
export async function startFakeUpstream() {
  const requests: RecordedRequest[] = [];
  const held: http.ServerResponse[] = [];
  let openSockets = 0;
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    if (req.url?.includes('/slow')) return void held.push(res);
    const body = JSON.stringify({ hello: 'from upstream', url: req.url });
    res.writeHead(200, { 'content-type': 'application/json', 'x-upstream': 'yes' });
    res.end(body);
  });
  server.on('connection', (socket) => {
    openSockets += 1;
    socket.once('close', () => {
      openSockets -= 1;
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    requests,
    openSockets: () => openSockets,
    /** Answers every held `/slow` request that is still connected. */
    releaseHeld() {
      for (const res of held.splice(0)) if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end('{"released":true}');
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeUpstream = Awaited<ReturnType<typeof startFakeUpstream>>;
