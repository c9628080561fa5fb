import http from 'node:http';
import { compileUpstream } from '../../src/cache/upstream-base';
import { createLogger } from '../../src/logger';
import { createUpstreamProxy } from './lean/lean-upstream-proxy';

/**
 * The sidecar's own upstream forwarder with no checks in front of it: the floor of the request path as it is
 * built, so the gap between this and the full sidecar is what admission, metrics and headers cost.
 */
const [port, upstreamPort] = process.argv.slice(2).map(Number) as [number, number];
const upstream = compileUpstream(`http://127.0.0.1:${upstreamPort}/api`);
const proxy = createUpstreamProxy({ timeoutMs: 30_000, maxSockets: 256, logger: createLogger('warn') });
const CONTEXT = '/bench/v1';
// The bare forward frames the body as the client did; no trusted proxies, no body cap (the bench sends none).
const facts = (req: http.IncomingMessage) => ({
  framing: req.headers['transfer-encoding'] ? ({ kind: 'chunked' } as const) : ({ kind: 'length', bytes: Number(req.headers['content-length'] ?? 0) } as const),
  hop: { peer: req.socket.remoteAddress ?? '', peerTrusted: false, localPort: port },
  maxBodyBytes: Number.MAX_SAFE_INTEGER,
});
http
  .createServer((req, res) => {
    const url = req.url ?? '/';
    proxy.forward(req, res, upstream, upstream.basePath + (url.startsWith(CONTEXT) ? url.slice(CONTEXT.length) : url), facts(req));
  })
  .listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));
