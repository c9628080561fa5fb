import http from 'node:http';

/** The request header that carries the socket's peer address to route handlers (which never see the socket). */
export const PEER_HEADER = 'x-gatehouse-peer';
const STAMPED = Symbol.for('gatehouse.peerAddressStamped');

/**
 * Next.js gives route handlers no socket, and fills `x-forwarded-for` from it only when the client sent none, so a
 * client can name any address it likes there. Every HTTP server of this process therefore writes the socket's
 * address into PEER_HEADER before Next sees the request, overwriting whatever the client sent under that name.
 * Installed once from instrumentation.ts; clientAddress() trusts the header only once this ran.
 */
export function stampPeerAddress(): void {
  const g = globalThis as { [STAMPED]?: boolean };
  if (g[STAMPED]) return;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = req.socket.remoteAddress ?? 'unknown';
    }
    return (emit as (this: http.Server, ...a: unknown[]) => boolean).call(this, event, ...args);
  } as typeof emit;
  g[STAMPED] = true;
}

export function peerAddressStamped(): boolean {
  return (globalThis as { [STAMPED]?: boolean })[STAMPED] === true;
}
