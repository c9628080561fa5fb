import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

const EXPOSED = 'RateLimit, RateLimit-Policy, Retry-After, x-gatehouse-request-id, content-type';
const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';
const ALLOWED_HEADERS = 'x-api-key, authorization, content-type, accept';
const PREFLIGHT_MAX_AGE_S = '600';

/**
 * Lets the portal's try-it console call the gateway from the browser. Only origins listed in the synced settings
 * get CORS headers; `Vary: Origin` goes on every response so a shared cache never serves one origin's answer to
 * another. Returns whether the origin is allowed.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowed: ReadonlySet<string>): boolean {
  res.setHeader('vary', 'Origin');
  const origin = req.headers.origin;
  if (!origin || !allowed.has(origin)) return false;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('access-control-expose-headers', EXPOSED);
  return true;
}

export function isPreflight(req: IncomingMessage): boolean {
  return req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
}

export function answerPreflight(res: ServerResponse): void {
  res.statusCode = 204;
  res.setHeader('access-control-allow-methods', ALLOWED_METHODS);
  res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
  res.setHeader('access-control-max-age', PREFLIGHT_MAX_AGE_S);
  res.end();
}

/**
 * The gateway owns CORS for allowed origins: a backend's own CORS headers would contradict ours, and its `Vary`
 * would otherwise overwrite our `Vary: Origin`.
 */
export function reconcileUpstreamCors(upstreamHeaders: IncomingHttpHeaders, res: ServerResponse): void {
  if (res.hasHeader('access-control-allow-origin')) {
    delete upstreamHeaders['access-control-allow-origin'];
    delete upstreamHeaders['access-control-expose-headers'];
    delete upstreamHeaders['access-control-allow-credentials'];
  }
  const vary = upstreamHeaders.vary;
  if (vary && !/(^|,)\s*(origin|\*)\s*(,|$)/i.test(vary)) upstreamHeaders.vary = `${vary}, Origin`;
}
