import type { IncomingHttpHeaders } from 'node:http';
import type { PresentedKey } from '../verify/extract-api-key';

/** RFC 9110 connection-specific headers: they describe the client's hop, not the upstream's. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'proxy-authorization', 'proxy-authenticate', 'te', 'trailer', 'upgrade'];

export interface Caller {
  appId: string;
  apiId: string;
  requestId: string;
}

/**
 * Rewrites the incoming headers in place before http-proxy copies them upstream: the gateway key never reaches the
 * backend, hop-by-hop headers stay on their hop, and `x-gatehouse-*` comes only from us (a caller could otherwise
 * claim another application's identity to the backend).
 */
export function prepareForwardHeaders(headers: IncomingHttpHeaders, presented: PresentedKey, caller: Caller): void {
  const named = typeof headers.connection === 'string' ? headers.connection.split(',').map((h) => h.trim().toLowerCase()) : [];
  for (const name of [...HOP_BY_HOP, ...named]) delete headers[name];
  // Our server already answered `100 Continue` to the client; forwarded, it would also stop http-proxy from
  // emitting `proxyReq`, which the abort handling needs.
  delete headers.expect;
  delete headers['x-api-key'];
  if (presented.source === 'authorization') delete headers.authorization;
  for (const name of Object.keys(headers)) if (name.startsWith('x-gatehouse-')) delete headers[name];
  headers['x-gatehouse-app-id'] = caller.appId;
  headers['x-gatehouse-api-id'] = caller.apiId;
  headers['x-gatehouse-request-id'] = caller.requestId;
}

/** The same rule on the way back: the backend's connection management is not the client's. */
export function stripResponseHopByHop(headers: IncomingHttpHeaders): void {
  for (const name of ['keep-alive', 'proxy-connection', 'trailer', 'upgrade', 'proxy-authenticate']) delete headers[name];
}
