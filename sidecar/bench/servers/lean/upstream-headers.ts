import type { IncomingMessage } from 'node:http';
import type { PresentedKey } from '../../../src/verify/extract-api-key';

/**
 * Header rewriting for the lean forwarder, done on Node's flat raw header arrays (`[name, value, name, value, ...]`):
 * one pass, names compared case-insensitively, and the result handed to `http.request` / `res.writeHead` as an array,
 * which Node serialises without validating each header again. The rules are the ones http-proxy applied for us
 * (hop-by-hop removal, X-Forwarded-*, Host of the target) plus ours (the key never reaches the backend, and
 * `x-gatehouse-*` comes only from us, or a caller could claim another application's identity to the backend).
 */

/** RFC 9110 connection-specific headers: they describe the client's hop, not the upstream's. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authorization', 'proxy-authenticate', 'te', 'trailer', 'upgrade', 'transfer-encoding']);
/** On the way back, Node frames the body itself (content-length or chunked), so the backend's framing headers go. */
const RESPONSE_DROPPED = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'trailer', 'upgrade', 'transfer-encoding']);
const CORS_OWNED = new Set(['access-control-allow-origin', 'access-control-expose-headers', 'access-control-allow-credentials']);

export interface UpstreamIdentity {
  appId: string;
  apiId: string;
  requestId: string;
}

/** Tokens named in Connection are hop-by-hop too (RFC 9110 7.6.1); the usual values name none. */
function connectionTokens(raw: readonly string[]): Set<string> | null {
  let tokens: Set<string> | null = null;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    if (name.length !== 10 || name.toLowerCase() !== 'connection') continue;
    for (const token of (raw[i + 1] as string).split(',')) {
      const t = token.trim().toLowerCase();
      if (t === '' || t === 'keep-alive' || t === 'close') continue;
      tokens ??= new Set();
      tokens.add(t);
    }
  }
  return tokens;
}

/**
 * The request headers sent upstream. `Expect` is dropped because our server already answered `100 Continue`;
 * X-Forwarded-For/Port/Proto append to what came in (as http-proxy's `xfwd` does), X-Forwarded-Host keeps the first.
 */
export function upstreamRequestHeaders(req: IncomingMessage, presented: PresentedKey | null, host: string, identity: UpstreamIdentity | null): string[] {
  const raw = req.rawHeaders;
  const named = connectionTokens(raw);
  const out: string[] = [];
  let forwardedFor = '';
  let forwardedPort = '';
  let forwardedProto = '';
  let forwardedHost = '';
  let clientHost = '';
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    const value = raw[i + 1] as string;
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || lower === 'expect' || lower.startsWith('x-gatehouse-') || named?.has(lower)) continue;
    if (lower === 'host') {
      clientHost = value;
      continue;
    }
    if (lower === 'x-api-key' || (lower === 'authorization' && presented?.source === 'authorization')) continue;
    if (lower.startsWith('x-forwarded-')) {
      if (lower === 'x-forwarded-for') forwardedFor = forwardedFor ? `${forwardedFor},${value}` : value;
      else if (lower === 'x-forwarded-port') forwardedPort = forwardedPort ? `${forwardedPort},${value}` : value;
      else if (lower === 'x-forwarded-proto') forwardedProto = forwardedProto ? `${forwardedProto},${value}` : value;
      else if (lower === 'x-forwarded-host') forwardedHost ||= value;
      else out.push(name, value);
      continue;
    }
    out.push(name, value);
  }
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const proto = encrypted ? 'https' : 'http';
  const port = /:(\d+)$/.exec(clientHost)?.[1] ?? (encrypted ? '443' : '80');
  const remote = req.socket.remoteAddress ?? '';
  out.push(
    'host', host,
    'x-forwarded-for', forwardedFor ? `${forwardedFor},${remote}` : remote,
    'x-forwarded-port', forwardedPort ? `${forwardedPort},${port}` : port,
    'x-forwarded-proto', forwardedProto ? `${forwardedProto},${proto}` : proto,
    'x-forwarded-host', forwardedHost || clientHost,
  );
  if (identity) out.push('x-gatehouse-app-id', identity.appId, 'x-gatehouse-api-id', identity.apiId, 'x-gatehouse-request-id', identity.requestId);
  return out;
}

/**
 * The backend's response headers for the client, followed by ours (`extra`, a flat array that already holds
 * `vary: Origin` and any CORS headers). The gateway owns CORS for allowed origins, so a backend's own CORS headers
 * go when we set ours; a backend's `Vary` replaces ours, with `Origin` added when it lacks it.
 */
export function downstreamResponseHeaders(raw: readonly string[], extra: readonly string[], corsOwned: boolean): string[] {
  const out: string[] = [];
  let vary: string | null = null;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    const lower = name.toLowerCase();
    if (RESPONSE_DROPPED.has(lower) || lower === 'x-gatehouse-request-id' || (corsOwned && CORS_OWNED.has(lower))) continue;
    if (lower === 'vary') {
      vary = vary === null ? (raw[i + 1] as string) : `${vary}, ${raw[i + 1] as string}`;
      continue;
    }
    out.push(name, raw[i + 1] as string);
  }
  for (let i = 0; i < extra.length; i += 2) {
    if (vary !== null && extra[i] === 'vary') {
      out.push('vary', /(^|,)\s*(origin|\*)\s*(,|$)/i.test(vary) ? vary : `${vary}, Origin`);
      vary = null;
      continue;
    }
    out.push(extra[i] as string, extra[i + 1] as string);
  }
  if (vary !== null) out.push('vary', vary);
  return out;
}
