import http from 'node:http';
import https from 'node:https';
import { Exchange } from './exchange';
import type { UpstreamProxy, UpstreamProxyOptions } from '../../../src/proxy/upstream-proxy';
import { upstreamRequestHeaders } from './upstream-headers';

// The same interface as the sidecar's http-proxy forwarder, so the bench can swap one for the other.
export type { ForwardContext, UpstreamProxy, UpstreamProxyOptions } from '../../../src/proxy/upstream-proxy';

/**
 * A lean forwarder on node:http, kept in the bench as a measured alternative to http-proxy (which the sidecar
 * uses, as the stack prescribes): the bench shows what http-proxy's per-request work costs. It keeps
 * http-proxy's semantics (a keep-alive agent per protocol, without which throughput collapses, http-proxy#929;
 * hop-by-hop removal both ways; X-Forwarded-*; the target's Host) and the sidecar's own rules, which live in
 * `Exchange`: 504 when the backend does not answer in time, 502 when it refuses or fails, and the upstream request
 * destroyed whenever the client goes away first (http-proxy leaked those sockets on Node >= 15.5, #1559/#1586).
 */
export function createUpstreamProxy({ timeoutMs, maxSockets, logger }: UpstreamProxyOptions): UpstreamProxy {
  // `timeout` makes Node honour the backend's `Keep-Alive: timeout=N` hint and retire an idle socket a second before
  // the backend closes it; without it, reusing a socket the backend is closing yields sporadic 502s.
  const agentOptions = { keepAlive: true, maxSockets, maxFreeSockets: Math.min(maxSockets, 64), timeout: 60_000 };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent(agentOptions);

  return {
    // `_facts` (framing, hop, body cap) is the sidecar's hardening; this alternative only measures forwarding cost.
    forward(req, res, upstream, path, _facts, context) {
      const secure = upstream.protocol === 'https:';
      const host = upstream.port === (secure ? 443 : 80) ? upstream.host : `${upstream.host}:${upstream.port}`;
      const headers = upstreamRequestHeaders(req, context?.presented ?? null, host, context?.identity ?? null);
      const options = { agent: secure ? httpsAgent : httpAgent, hostname: upstream.hostname, port: upstream.port, method: req.method, path, headers };
      const proxyReq = secure ? https.request(options) : http.request(options);
      new Exchange(req, res, proxyReq, context, logger).start(timeoutMs);
    },
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
