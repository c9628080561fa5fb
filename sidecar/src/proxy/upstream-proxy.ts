import http, { type ClientRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import httpProxy from 'http-proxy';
import type { UpstreamBase } from '../cache/upstream-base';
import type { Logger } from '../logger';
import { reconcileUpstreamCors } from './cors';
import { stripResponseHopByHop } from './forward-headers';
import { problems } from './problems';
import { sendProblem } from './send-problem';

export interface UpstreamProxyOptions {
  /** Time allowed until the backend's response headers; the body then streams as long as it flows. */
  timeoutMs: number;
  maxSockets: number;
  logger: Logger;
}

export interface UpstreamProxy {
  forward(req: IncomingMessage, res: ServerResponse, upstream: UpstreamBase, path: string): void;
  close(): void;
}

/** Per-request state the proxy's events need; keyed by the incoming request, which every event carries. */
interface Exchange {
  proxyReq?: ClientRequest;
  settled: boolean;
  timer?: NodeJS.Timeout;
  clientConnection?: string;
}

/**
 * http-proxy with keep-alive agents (without them its throughput collapses, http-proxy#929), an upstream timeout
 * that can tell 504 from 502, and the fix for its socket leak on Node >= 15.5 (http-proxy#1559/#1586): when the
 * client goes away before its response finished, the upstream request is destroyed, whatever state it is in.
 */
export function createUpstreamProxy({ timeoutMs, maxSockets, logger }: UpstreamProxyOptions): UpstreamProxy {
  // `timeout` makes Node honour the backend's `Keep-Alive: timeout=N` hint and retire an idle socket a second before
  // the backend closes it; without it, reusing a socket the backend is closing yields sporadic 502s.
  const agentOptions = { keepAlive: true, maxSockets, maxFreeSockets: Math.min(maxSockets, 64), timeout: 60_000 };
  const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };
  const proxy = httpProxy.createProxyServer({ xfwd: true, changeOrigin: true, ignorePath: true });
  const exchanges = new WeakMap<IncomingMessage, Exchange>();

  // Emitted once the upstream request has a socket; a request queued in the agent may be abandoned before that.
  proxy.on('proxyReq', (proxyReq, req) => {
    const exchange = exchanges.get(req);
    if (!exchange) return;
    exchange.proxyReq = proxyReq;
    if (exchange.settled) proxyReq.destroy();
  });

  proxy.on('proxyRes', (proxyRes, req, res) => {
    const exchange = exchanges.get(req);
    clearTimeout(exchange?.timer);
    const keepAliveHint = proxyRes.headers['keep-alive'];
    stripResponseHopByHop(proxyRes.headers);
    // http-proxy copies the headers to the client synchronously after this event; the agent reads the hint only
    // when the response ends, so it gets it back once the copy is done.
    if (keepAliveHint) {
      queueMicrotask(() => {
        proxyRes.headers['keep-alive'] = keepAliveHint;
      });
    }
    reconcileUpstreamCors(proxyRes.headers, res);
    delete proxyRes.headers.connection;
    // http-proxy derives the client's Connection header from the request; give it back the client's own value.
    if (exchange?.clientConnection) req.headers.connection = exchange.clientConnection;
  });

  proxy.on('error', (error, req, res) => {
    const exchange = exchanges.get(req);
    if (!exchange || exchange.settled) return;
    settle(exchange);
    if (!(res instanceof http.ServerResponse) || res.destroyed) return;
    const code = (error as NodeJS.ErrnoException).code;
    logger.warn({ err: { message: error.message, code }, requestId: res.getHeader('x-gatehouse-request-id') }, 'upstream request failed');
    sendProblem(res, code === 'ETIMEDOUT' ? problems.upstreamTimeout() : problems.upstreamUnavailable());
  });

  function settle(exchange: Exchange): void {
    exchange.settled = true;
    clearTimeout(exchange.timer);
    exchange.proxyReq?.destroy();
  }

  return {
    forward(req, res, upstream, path) {
      const exchange: Exchange = { settled: false, clientConnection: req.headers.connection };
      exchanges.set(req, exchange);
      delete req.headers.connection;
      exchange.timer = setTimeout(() => {
        if (exchange.settled) return;
        settle(exchange);
        sendProblem(res, problems.upstreamTimeout());
      }, timeoutMs);
      res.once('close', () => {
        if (!res.writableFinished) settle(exchange);
        else clearTimeout(exchange.timer);
      });
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
