import http, { type ClientRequest, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import https from 'node:https';
import httpProxy from 'http-proxy';
import type { UpstreamBase } from '../cache/upstream-base';
import type { Logger } from '../logger';
import type { PresentedKey } from '../verify/extract-api-key';
import { markClosing } from './answer-client-error';
import { setHeaders } from './cors';
import { buildUpstreamHeaders, type HopFacts, reconcileUpstreamCors, stripResponseHopByHop, type UpstreamIdentity } from './forward-headers';
import { problems } from './problems';
import type { BodyFraming } from './request-framing';
import { sendProblem } from './send-problem';

export interface UpstreamProxyOptions {
  /** Time allowed until the backend's response headers; the body then streams as long as it flows. */
  timeoutMs: number;
  maxSockets: number;
  logger: Logger;
}

/** What the request path knows about an admitted request; absent for a bare forward (the bench's floor). */
export interface ForwardContext {
  presented: PresentedKey;
  identity: UpstreamIdentity;
  /** Flat `[name, value, ...]` headers the gateway adds to every answer (request id, Vary, CORS). */
  responseHeaders: readonly string[];
  corsOwned: boolean;
}

/** What the gateway decided about the request's own bytes, before any admission: how its body is framed, and its hop. */
export interface OutboundFacts {
  framing: BodyFraming;
  hop: HopFacts;
  /** Past this many body bytes the upstream request is cut and the client gets 413. */
  maxBodyBytes: number;
}

export interface UpstreamProxy {
  forward(req: IncomingMessage, res: ServerResponse, upstream: UpstreamBase, path: string, facts: OutboundFacts, context?: ForwardContext): void;
  close(): void;
}

/** Per-request state the proxy's events need; hung on the incoming request, which every event carries. */
interface Exchange {
  proxyReq: ClientRequest | undefined;
  settled: boolean;
  timer: NodeJS.Timeout | undefined;
  clientConnection: string | undefined;
  /** Admitted by the gateway (not a bare forward): its Vary and CORS rules apply to the answer. */
  gateway: boolean;
  corsOwned: boolean;
  framing: BodyFraming;
  /** Body bytes read from the client so far, against `maxBodyBytes`. */
  bodyBytes: number;
  maxBodyBytes: number;
  res: ServerResponse;
}
const kExchange = Symbol('gatehouse.exchange');
const kClient = Symbol('gatehouse.client');
type Tracked = IncomingMessage & { [kExchange]?: Exchange };
type Upstream = IncomingMessage & { [kClient]?: ServerResponse };

/**
 * http-proxy with keep-alive agents (without them its throughput collapses, http-proxy#929), an upstream timeout
 * that can tell 504 from 502, and the fix for its socket leak on Node >= 15.5 (http-proxy#1559/#1586): when the
 * client goes away before its response finished, the upstream request is destroyed, whatever state it is in.
 * Listeners are module-level functions rather than per-request closures: this runs for every request.
 */
export function createUpstreamProxy({ timeoutMs, maxSockets, logger }: UpstreamProxyOptions): UpstreamProxy {
  // `timeout` makes Node honour the backend's `Keep-Alive: timeout=N` hint and retire an idle socket a second before
  // the backend closes it; without it, reusing a socket the backend is closing yields sporadic 502s.
  const agentOptions = { keepAlive: true, maxSockets, maxFreeSockets: Math.min(maxSockets, 64), timeout: 60_000 };
  const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };
  // xfwd off: the forwarding headers are the gateway's own (forward-headers.ts), never appended to a client's claim.
  const proxy = httpProxy.createProxyServer({ xfwd: false, changeOrigin: true, ignorePath: true });
  // http-proxy's `deleteLength` pass sets `content-length: 0` on a DELETE or OPTIONS without one and drops
  // `transfer-encoding`, yet still pipes the body: a smuggled request on the pooled socket. Framing is ours.
  const passes = (proxy as unknown as { webPasses: { name: string }[] }).webPasses;
  passes.splice(0, passes.length, ...passes.filter((pass) => pass.name !== 'deleteLength'));

  // Emitted once the upstream request exists; a request queued in the agent may be abandoned before that.
  proxy.on('proxyReq', (proxyReq, req) => {
    const exchange = (req as Tracked)[kExchange];
    if (!exchange) return;
    exchange.proxyReq = proxyReq;
    // The framing set in forward() must be what goes out: a pass that changed it would smuggle (destroy, 502).
    if (exchange.settled || !framedAsDecided(proxyReq, exchange.framing)) proxyReq.destroy();
  });

  proxy.on('proxyRes', (proxyRes, req, res) => {
    const exchange = (req as Tracked)[kExchange];
    clearTimeout(exchange?.timer);
    // An answer before our request was fully written leaves request bytes the backend may still read as a new
    // request on this socket: it is closed after this response instead of going back to the pool.
    if (exchange?.proxyReq && !exchange.proxyReq.writableFinished) exchange.proxyReq.shouldKeepAlive = false;
    (proxyRes as Upstream)[kClient] = res;
    proxyRes.on('close', onUpstreamClose);
    const keepAliveHint = proxyRes.headers['keep-alive'];
    stripResponseHopByHop(proxyRes.headers);
    // http-proxy copies the headers to the client synchronously after this event; the agent reads the hint only
    // when the response ends, so it gets it back once the copy is done.
    if (keepAliveHint) queueMicrotask(() => (proxyRes.headers['keep-alive'] = keepAliveHint));
    if (exchange?.gateway) reconcileUpstreamCors(proxyRes.headers, exchange.corsOwned);
    delete proxyRes.headers.connection;
    // http-proxy derives the client's Connection header from the request; give it back the client's own value.
    if (exchange?.clientConnection) req.headers.connection = exchange.clientConnection;
  });

  proxy.on('error', (error, req, res) => {
    const exchange = (req as Tracked)[kExchange];
    if (!exchange || exchange.settled) return;
    settle(exchange);
    if (!(res instanceof http.ServerResponse) || res.destroyed) return;
    if (res.headersSent) {
      // The backend died mid-body: cut the client's connection rather than end the answer as if it were complete.
      res.destroy();
      return;
    }
    const code = (error as NodeJS.ErrnoException).code;
    logger.warn({ err: { message: error.message, code }, requestId: res.getHeader('x-gatehouse-request-id') }, 'upstream request failed');
    sendProblem(res, code === 'ETIMEDOUT' ? problems.upstreamTimeout() : problems.upstreamUnavailable());
  });

  return {
    forward(req, res, upstream, path, facts, context) {
      const exchange: Exchange = {
        proxyReq: undefined,
        settled: false,
        timer: undefined,
        clientConnection: req.headers.connection,
        gateway: context !== undefined,
        corsOwned: context?.corsOwned ?? false,
        framing: facts.framing,
        bodyBytes: 0,
        maxBodyBytes: facts.maxBodyBytes,
        res,
      };
      (req as Tracked)[kExchange] = exchange;
      if (context) setHeaders(res, context.responseHeaders);
      if (facts.framing.kind === 'length' && facts.framing.bytes > facts.maxBodyBytes) return refuseBody(exchange);
      // http-proxy copies `req.headers` into the upstream request: give it the headers we built, not the client's.
      const headers = buildUpstreamHeaders(req, context?.presented ?? null, context?.identity ?? null, facts.hop);
      frame(headers, facts.framing);
      req.headers = headers as typeof req.headers;
      if (facts.framing.kind === 'chunked') req.on('data', countBody);
      exchange.timer = setTimeout(onUpstreamTimeout, timeoutMs, exchange);
      res.on('close', onResponseClose);
      const target = { protocol: upstream.protocol, host: upstream.host, hostname: upstream.hostname, port: String(upstream.port), path };
      proxy.web(req, res, { target, agent: agents[upstream.protocol] });
    },
    close() {
      proxy.close();
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}

/**
 * The upstream request's framing: exactly the framing of the body the gateway reads from the client, whatever the
 * method. Without it, Node sends a GET, HEAD, DELETE or OPTIONS body unframed, and the backend reads it as a request.
 */
function frame(headers: OutgoingHttpHeaders, framing: BodyFraming): void {
  if (framing.kind === 'length') headers['content-length'] = String(framing.bytes);
  else if (framing.kind === 'chunked') headers['transfer-encoding'] = 'chunked';
}

function framedAsDecided(proxyReq: ClientRequest, framing: BodyFraming): boolean {
  const cl = proxyReq.getHeader('content-length');
  const te = proxyReq.getHeader('transfer-encoding');
  if (framing.kind === 'length') return te === undefined && String(cl) === String(framing.bytes);
  if (framing.kind === 'chunked') return cl === undefined && te === 'chunked';
  return cl === undefined && te === undefined;
}

/** A chunked body has no announced size: it is counted as it streams, and cut at the route's cap. */
function countBody(this: Tracked, chunk: Buffer): void {
  const exchange = this[kExchange];
  if (!exchange || exchange.settled) return;
  exchange.bodyBytes += chunk.length;
  if (exchange.bodyBytes > exchange.maxBodyBytes) refuseBody(exchange);
}

/** 413, the upstream request (if any) destroyed mid-body so the backend never sees a complete one, and the client
 * connection closed: the rest of its body is unread, and must not be parsed as a next request. */
function refuseBody(exchange: Exchange): void {
  settle(exchange);
  exchange.res.shouldKeepAlive = false;
  markClosing(exchange.res.socket);
  sendProblem(exchange.res, problems.bodyTooLarge(exchange.maxBodyBytes));
}

// The exchange is passed as the timer's argument: no bound function or context object per request.
function onUpstreamTimeout(exchange: Exchange): void {
  if (exchange.settled) return;
  settle(exchange);
  sendProblem(exchange.res, problems.upstreamTimeout());
}

function settle(exchange: Exchange): void {
  exchange.settled = true;
  clearTimeout(exchange.timer);
  exchange.proxyReq?.destroy();
}

/** A backend that dies mid-body must not look like a complete answer: http-proxy would leave the client hanging. */
function onUpstreamClose(this: Upstream): void {
  const client = this[kClient];
  if (!this.complete && client && !client.writableFinished) client.destroy();
}

function onResponseClose(this: ServerResponse): void {
  const exchange = (this.req as Tracked)[kExchange];
  if (!exchange) return;
  if (!this.writableFinished) settle(exchange);
  else clearTimeout(exchange.timer);
}
