import type { IncomingMessage, ServerResponse } from 'node:http';

const EXPOSED = 'RateLimit, RateLimit-Policy, Retry-After, x-gatehouse-request-id, content-type';
const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';
const ALLOWED_HEADERS = 'x-api-key, authorization, content-type, accept';
const PREFLIGHT_MAX_AGE_S = '600';

export interface GatewayHeaders {
  /** Flat `[name, value, ...]`: written with the answer, whether it is proxied or a problem. */
  headers: string[];
  /** The origin is allowed, so the gateway, not the backend, speaks CORS on this answer. */
  corsOwned: boolean;
}

/**
 * The headers the gateway puts on every answer: its request id, and CORS for the portal's try-it console. Only
 * origins listed in the synced settings get CORS headers; `Vary: Origin` goes on every response so a shared cache
 * never serves one origin's answer to another. Built as data rather than set on the response, so a proxied answer
 * is written in one `writeHead`.
 */
export function gatewayHeaders(req: IncomingMessage, requestId: string, allowed: ReadonlySet<string>): GatewayHeaders {
  const origin = req.headers.origin;
  if (!origin || !allowed.has(origin)) return { headers: ['x-gatehouse-request-id', requestId, 'vary', 'Origin'], corsOwned: false };
  return {
    headers: ['x-gatehouse-request-id', requestId, 'vary', 'Origin', 'access-control-allow-origin', origin, 'access-control-expose-headers', EXPOSED],
    corsOwned: true,
  };
}

export function setHeaders(res: ServerResponse, headers: readonly string[]): void {
  for (let i = 0; i < headers.length; i += 2) res.setHeader(headers[i] as string, headers[i + 1] as string);
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
