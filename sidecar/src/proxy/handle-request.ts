import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SidecarMetrics } from '../admin/metrics';
import type { SidecarCache } from '../cache/cache-store';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { admitRequest } from './admit-request';
import { answerPreflight, applyCors, isPreflight } from './cors';
import { prepareForwardHeaders } from './forward-headers';
import { sendProblem } from './send-problem';
import type { UpstreamProxy } from './upstream-proxy';

export interface RequestPathDeps {
  cache: SidecarCache;
  upstream: UpstreamProxy;
  now: Clock;
  maxStalenessS: number | undefined;
  metrics: SidecarMetrics;
  logger: Logger;
}

/**
 * The data port's handler: CORS, admission, then the upstream. Logs carry the path without its query string,
 * never a key or an Authorization header.
 */
export function createRequestHandler({ cache, upstream, now, maxStalenessS, metrics, logger }: RequestPathDeps) {
  return function handleRequest(req: IncomingMessage, res: ServerResponse): void {
    const startedAt = performance.now();
    const requestId = randomUUID();
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const pathname = queryAt >= 0 ? url.slice(0, queryAt) : url;
    let outcome = 'proxied';
    res.once('close', () => {
      const seconds = (performance.now() - startedAt) / 1000;
      metrics.recordRequest(outcome, res.statusCode, seconds, res.writableFinished);
      logger.debug({ requestId, method: req.method, path: pathname, status: res.statusCode, outcome, ms: Math.round(seconds * 1000) }, 'request');
    });

    res.setHeader('x-gatehouse-request-id', requestId);
    if (applyCors(req, res, cache.index.corsOrigins) && isPreflight(req)) {
      outcome = 'preflight';
      answerPreflight(res);
      return;
    }

    const admission = admitRequest({ cache, pathname, headers: req.headers, now: now(), maxStalenessS });
    if (!admission.ok) {
      outcome = admission.problem.code;
      sendProblem(res, admission.problem);
      return;
    }
    const { compiled, rest, presented, appId, apiId } = admission;
    prepareForwardHeaders(req.headers, presented, { appId, apiId, requestId });
    const path = (compiled.upstream.basePath + rest || '/') + (queryAt >= 0 ? url.slice(queryAt) : '');
    upstream.forward(req, res, compiled.upstream, path);
  };
}
