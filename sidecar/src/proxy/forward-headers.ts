import type { IncomingHttpHeaders } from 'node:http';
import type { PresentedKey } from '../verify/extract-api-key';

/** RFC 9110 connection-specific headers: they describe the client's hop, not the upstream's. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'proxy-authorization', 'proxy-authenticate', 'te', 'trailer', 'upgrade'];

/** Who the gateway admitted; the backend learns it from `x-gatehouse-*` headers only we can set. */
export interface UpstreamIdentity {
  appId: string;
  apiId: string;
  requestId: string;
}

/**
 * Rewrites the incoming headers in place before http-proxy copies them upstream: the gateway key never reaches the
 * backend, hop-by-hop headers stay on their hop, and `x-gatehouse-*` comes only from us (a caller could otherwise
 * claim another application's identity to the backend).
 */
export function prepareForwardHeaders(headers: IncomingHttpHeaders, presented: PresentedKey | null, identity: UpstreamIdentity | null): void {
  const connection = headers.connection;
  if (typeof connection === 'string' && connection.includes(',')) {
    for (const name of connection.split(',')) delete headers[name.trim().toLowerCase()];
  } else if (typeof connection === 'string') {
    delete headers[connection.trim().toLowerCase()];
  }
  for (const name of HOP_BY_HOP) delete headers[name];
  // Our server already answered `100 Continue` to the client; forwarded, it would also stop http-proxy from
  // emitting `proxyReq`, which the abort handling needs.
  delete headers.expect;
  delete headers['x-api-key'];
  if (presented?.source === 'authorization') delete headers.authorization;
  for (const name in headers) if (name.startsWith('x-gatehouse-')) delete headers[name];
  if (identity) {
    headers['x-gatehouse-app-id'] = identity.appId;
    headers['x-gatehouse-api-id'] = identity.apiId;
    headers['x-gatehouse-request-id'] = identity.requestId;
  }
}

/** The same rule on the way back: the backend's connection management is not the client's. */
export function stripResponseHopByHop(headers: IncomingHttpHeaders): void {
  delete headers['keep-alive'];
  delete headers['proxy-connection'];
  delete headers.trailer;
  delete headers.upgrade;
  delete headers['proxy-authenticate'];
}

/** When the gateway speaks CORS for this origin, the backend's own CORS headers must not contradict it. */
export function reconcileUpstreamCors(headers: IncomingHttpHeaders, corsOwned: boolean): void {
  if (corsOwned) {
    delete headers['access-control-allow-origin'];
    delete headers['access-control-expose-headers'];
    delete headers['access-control-allow-credentials'];
  }
  const vary = headers.vary;
  // The backend's Vary replaces the gateway's `Vary: Origin` when http-proxy copies headers, so fold it in.
  if (vary && !/(^|,)\s*(origin|\*)\s*(,|$)/i.test(vary)) headers.vary = `${vary}, Origin`;
}
