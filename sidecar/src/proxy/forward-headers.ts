import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { PresentedKey } from '../verify/extract-api-key';

/**
 * Never copied from the client: RFC 9110 connection-specific headers, the framing (the sidecar frames the body it
 * read itself), `host` (the upstream's, set by the proxy), `expect` (our server already answered `100 Continue`), and
 * every header the gateway sets itself. A client's `Connection` header can only add names to this list.
 */
const NEVER_COPIED = new Set([
  'connection', 'keep-alive', 'proxy-connection', 'proxy-authorization', 'proxy-authenticate', 'te', 'trailer', 'upgrade',
  'content-length', 'transfer-encoding', 'host', 'expect', 'x-api-key',
  'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded', 'x-real-ip',
]);

/** Who the gateway admitted; the backend learns it from `x-gatehouse-*` headers only we can set. */
export interface UpstreamIdentity {
  appId: string;
  apiId: string;
  requestId: string;
}

/** What the gateway itself knows about the hop it received the request on. */
export interface HopFacts {
  /** The peer of the TCP connection. */
  peer: string;
  /** Whether the peer is a configured trusted proxy: then its forwarding headers are extended, not replaced. */
  peerTrusted: boolean;
  localPort: number;
}

/**
 * Builds the upstream request's headers as a new object (an allow-list of what we chose to copy, then ours last)
 * rather than patching the client's: the gateway key never reaches the backend, hop-by-hop headers stay on their hop,
 * and `x-gatehouse-*` and the forwarding headers come only from us (a client could otherwise claim another
 * application's identity, or another address, to the backend). Framing is not set here: the proxy sets it from the
 * body it actually sends (upstream-proxy.ts).
 */
export function buildUpstreamHeaders(req: IncomingMessage, presented: PresentedKey | null, identity: UpstreamIdentity | null, hop: HopFacts): OutgoingHttpHeaders {
  const inbound = req.headers;
  const named = connectionTokens(inbound.connection);
  const out: OutgoingHttpHeaders = {};
  for (const name in inbound) {
    if (NEVER_COPIED.has(name) || name.startsWith('x-gatehouse-') || named?.has(name)) continue;
    if (name === 'authorization' && presented?.source === 'authorization') continue;
    out[name] = inbound[name];
  }
  setForwarding(out, inbound, hop);
  if (identity) {
    out['x-gatehouse-app-id'] = identity.appId;
    out['x-gatehouse-api-id'] = identity.apiId;
    out['x-gatehouse-request-id'] = identity.requestId;
  }
  return out;
}

function connectionTokens(connection: string | undefined): Set<string> | null {
  if (connection === undefined) return null;
  const names = new Set<string>();
  for (const token of connection.split(',')) names.add(token.trim().toLowerCase());
  return names;
}

/**
 * `X-Forwarded-*` and RFC 7239 `Forwarded`, overwritten unless the peer is trusted; then the client's values are
 * kept and our hop is appended, as each proxy in a chain does.
 */
function setForwarding(out: OutgoingHttpHeaders, inbound: IncomingHttpHeaders, hop: HopFacts): void {
  const host = inbound.host ?? '';
  const ours = `for=${forwardedNode(hop.peer)};host=${quoted(host)};proto=http`;
  const trusted = hop.peerTrusted;
  const priorFor = trusted ? inbound['x-forwarded-for'] : undefined;
  const priorForwarded = trusted ? inbound.forwarded : undefined;
  out['x-forwarded-for'] = priorFor ? `${priorFor}, ${hop.peer}` : hop.peer;
  out['x-forwarded-host'] = (trusted && single(inbound['x-forwarded-host'])) || host;
  out['x-forwarded-proto'] = (trusted && single(inbound['x-forwarded-proto'])) || 'http';
  out['x-forwarded-port'] = (trusted && single(inbound['x-forwarded-port'])) || String(hop.localPort);
  out.forwarded = priorForwarded ? `${priorForwarded}, ${ours}` : ours;
}

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function forwardedNode(address: string): string {
  return address.includes(':') ? `"[${address}]"` : address;
}

// Nearly every request of a sidecar carries the same Host: the last answer is kept rather than two regexes per request.
let lastHost: string | undefined;
let lastQuoted = '';
function quoted(value: string): string {
  if (value !== lastHost) {
    lastQuoted = /^[A-Za-z0-9.-]+$/.test(value) ? value : `"${value.replace(/["\\]/g, '\\$&')}"`;
    lastHost = value;
  }
  return lastQuoted;
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
