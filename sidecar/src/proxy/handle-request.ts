import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SidecarMetrics } from '../admin/metrics';
import type { Outbox } from '../analytics/outbox';
import type { SidecarCache } from '../cache/cache-store';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { AddressLimiter } from '../ratelimit/address-limiter';
import type { TierLimiter } from '../ratelimit/tier-limiter';
import type { Problem } from '../contract/problem';
import { admitRequest } from './admit-request';
import { markClosing } from './answer-client-error';
import type { BodyLimits } from './body-limits';
import { parseRequestTarget } from './canonical-path';
import { answerPreflight, gatewayHeaders, isPreflight, setHeaders } from './cors';
import { problems } from './problems';
import { createRequestIds } from './request-ids';
import { judgeFraming } from './request-framing';
import { sendProblem } from './send-problem';
import { clientAddress, type TrustedProxies } from './trusted-proxies';
import type { UpstreamProxy } from './upstream-proxy';

export interface RequestPathDeps {
  cache: SidecarCache;
  upstream: UpstreamProxy;
  now: Clock;
  maxStalenessS: number | undefined;
  metrics: SidecarMetrics;
  logger: Logger;
  /** Null when the operator turned rate limits off. */
  tierLimiter: TierLimiter | null;
  addressLimiter: AddressLimiter;
  /** Null when the operator turned analytics off. */
  outbox: Outbox | null;
  /** Peers whose forwarding headers are believed; empty: none. */
  trustedProxies: TrustedProxies;
  bodyLimits: BodyLimits;
}

/** What the close listener needs to record a finished request; carried on the response, not in a closure. */
interface RequestRecord {
  startedAt: number;
  requestId: string;
  method: string | undefined;
  pathname: string;
  outcome: string;
  /** Set once a key was accepted: only such requests become usage events (they have an application). */
  appId: string | null;
  apiId: string;
  keyId: string;
  bytesIn: number;
  /** Set when the gateway's own limits refused the request: such events do not count against the monthly quota. */
  refused: 'rate' | 'quota' | undefined;
}
const kRecord = Symbol('gatehouse.request');
type Recorded = ServerResponse & { [kRecord]: RequestRecord };

/**
 * The data port's handler: CORS, admission, then the upstream. Logs carry the path without its query string,
 * never a key or an Authorization header. It runs for every request, so it creates no closure per request.
 */
export function createRequestHandler({ cache, upstream, now, maxStalenessS, metrics, logger, tierLimiter, addressLimiter, outbox, trustedProxies, bodyLimits }: RequestPathDeps) {
  // Stage timing (admin/stage-timings.ts): a clock reading at each boundary, nothing else, so the bench and a scrape
  // show where the sidecar's own time per request goes.
  const { stages } = metrics;
  const nextRequestId = createRequestIds();
  function onClose(this: ServerResponse): void {
    const record = (this as Recorded)[kRecord];
    const closedAt = performance.now();
    const seconds = (closedAt - record.startedAt) / 1000;
    metrics.recordRequest(record.outcome, this.statusCode, seconds, this.writableFinished);
    const recordedAt = stages.lap('finish', closedAt);
    if (record.appId !== null && outbox) {
      // No key, no Authorization and no query string in an event (DESIGN.md, Analytics); the key's id is not a secret.
      outbox.append({
        at: now(),
        apiId: record.apiId,
        appId: record.appId,
        keyId: record.keyId,
        method: record.method ?? 'GET',
        status: this.writableFinished ? this.statusCode : 499,
        latencyMs: Math.round(seconds * 100_000) / 100,
        bytesIn: record.bytesIn,
        bytesOut: Number(this.getHeader('content-length') ?? 0) || 0,
        refused: record.refused,
      });
      stages.lap('analytics', recordedAt);
    }
    // Checked first: building the log object for a level that is off would cost every request.
    if (logger.isLevelEnabled('debug')) {
      const { requestId, method, pathname: path, outcome } = record;
      logger.debug({ requestId, method, path, status: this.statusCode, outcome, ms: Math.round(seconds * 1000) }, 'request');
    }
  }

  return function handleRequest(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const record: RequestRecord = {
      startedAt: performance.now(),
      requestId: nextRequestId(),
      method: req.method,
      pathname: queryAt >= 0 ? url.slice(0, queryAt) : url,
      outcome: 'proxied',
      appId: null,
      apiId: '',
      keyId: '',
      refused: undefined,
      bytesIn: Number(req.headers['content-length'] ?? 0) || 0,
    };
    (res as Recorded)[kRecord] = record;
    res.on('close', onClose);

    // Refused before routing (DESIGN.md, Security): what two parsers could read differently never reaches a decision.
    const framing = judgeFraming(req);
    if (!framing.ok) return void refuseAndClose(res, record, problems.ambiguousFraming());
    const target = parseRequestTarget(url);
    if (!target.ok) return void refuseAndClose(res, record, problems.badRequestTarget());
    const peer = req.socket.remoteAddress ?? 'unknown';

    const { headers, corsOwned } = gatewayHeaders(req, record.requestId, cache.index.corsOrigins);
    let mark = stages.lap('start', record.startedAt);
    if (corsOwned && isPreflight(req)) {
      record.outcome = 'preflight';
      setHeaders(res, headers);
      answerPreflight(res);
      return;
    }

    const at = now();
    const admission = admitRequest({ cache, path: target.path, headers: req.headers, now: at, maxStalenessS });
    mark = stages.lap('admission', mark);
    if (!admission.ok) {
      let problem = admission.problem;
      // Failed authentication is limited per client address; no per-subscription counter exists for it.
      if (problem.status === 401) {
        // The same client address the forwarding headers name: behind a trusted proxy, the proxy's client.
        const xff = req.headers['x-forwarded-for'];
        const attempt = addressLimiter.allow(clientAddress(peer, typeof xff === 'string' ? xff : undefined, trustedProxies), at);
        if (!attempt.allowed) {
          problem = problems.tooManyFailures(attempt.retryAfterS);
          res.setHeader('retry-after', String(attempt.retryAfterS));
        }
      }
      record.outcome = problem.code;
      setHeaders(res, headers);
      sendProblem(res, problem);
      return;
    }
    const { compiled, rest, presented, appId, apiId } = admission;
    record.appId = appId;
    record.apiId = apiId;
    record.keyId = admission.keyId;
    const limit = tierLimiter?.check(admission, admission.tier, at);
    if (tierLimiter) mark = stages.lap('limits', mark);
    if (limit) {
      for (const name in limit.headers) headers.push(name, limit.headers[name] as string);
      if (limit.refused) {
        const problem = limit.refused === 'quota' ? problems.quotaExceeded(limit.retryAfterS) : problems.rateLimited(limit.retryAfterS);
        record.outcome = problem.code;
        record.refused = limit.refused;
        setHeaders(res, headers);
        sendProblem(res, problem);
        return;
      }
    }
    // The canonical path, byte for byte, after the route's base path: what was matched is what the backend reads.
    const path = (compiled.upstream.basePath + rest || '/') + target.query;
    const hop = { peer, peerTrusted: trustedProxies.contains(peer), localPort: req.socket.localPort ?? 0 };
    const facts = { framing: framing.framing, hop, maxBodyBytes: bodyLimits.forContext(compiled.route.context) };
    upstream.forward(req, res, compiled.upstream, path, facts, { presented, identity: { appId, apiId, requestId: record.requestId }, responseHeaders: headers, corsOwned });
    stages.lap('forward', mark);
  };
}

/** The connection is closed after the answer: bytes after an unparsable request must not be read as a next one. */
function refuseAndClose(res: ServerResponse, record: RequestRecord, problem: Problem): void {
  record.outcome = problem.code;
  res.shouldKeepAlive = false;
  markClosing(res.socket);
  sendProblem(res, problem);
}
