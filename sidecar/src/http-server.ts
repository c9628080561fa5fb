import { once } from 'node:events';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ListenAddress } from './config';
import { guardConnections } from './connection-guard';
import { answerClientError, clientErrorProblem, isClosing } from './proxy/answer-client-error';

/** Bounds on what one client can hold: a flood of idle, slow or oversized requests must not starve a normal one. */
export interface ServerLimits {
  maxConnections: number;
  /** Until the request headers are complete, from the connection's first byte (slowloris). */
  headersTimeoutMs: number;
  /** Until the whole request, body included, is received (slow bodies). */
  requestTimeoutMs: number;
  /** How long an idle keep-alive client socket is kept between requests. */
  keepAliveTimeoutMs: number;
  maxHeaderBytes: number;
  /** A request Node's parser refused (framing, target, header size, timeout) or a connection shed, by stable code. */
  onRefused?: (code: string, status: number) => void;
}

export const DEFAULT_LIMITS: ServerLimits = {
  maxConnections: 1_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  maxHeaderBytes: 16 * 1024,
};

export interface DrainableServer {
  readonly server: http.Server;
  /** Port actually bound (the OS picks one when asked for 0). */
  readonly port: number;
  readonly inFlight: () => number;
  /** Stops accepting, waits for in-flight requests up to `drainMs`, then cuts what is left. */
  close(drainMs: number): Promise<void>;
}

export async function startServer(
  address: ListenAddress,
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  limits: ServerLimits = DEFAULT_LIMITS,
): Promise<DrainableServer> {
  const drain: Drain = { active: 0, onIdle: null };
  const server = http.createServer({
    maxHeaderSize: limits.maxHeaderBytes,
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // Node checks the two timeouts above only this often (30 s by default): an expired slow client would hold
    // its connection up to that much longer.
    connectionsCheckingInterval: Math.max(100, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 2))),
    // Refused anyway by the framing check; this keeps Node's parser strict whatever flags the process runs with.
    insecureHTTPParser: false,
  }, (req, res) => {
    drain.active += 1;
    (res as Drained)[kDrain] = drain;
    res.on('close', onResponseClosed);
    handler(req, res);
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (isClosing(socket)) return;
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const problem = clientErrorProblem(error.code);
    limits.onRefused?.(problem.code, problem.status);
    answerClientError(socket, problem);
  });
  guardConnections(server, limits.maxConnections, (reason) => limits.onRefused?.(reason === 'evicted' ? 'CONNECTION_EVICTED' : 'CONNECTION_REFUSED', 0));
  // After listen, an 'error' is a failed accept (EMFILE, ENFILE): logged by the caller, never a crash.
  server.on('error', () => limits.onRefused?.('ACCEPT_FAILED', 0));
  server.listen(address.port, address.host);
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;

  return {
    server,
    port,
    inFlight: () => drain.active,
    async close(drainMs) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections with no request in flight would otherwise hold close() open until they time out.
      server.closeIdleConnections();
      if (drain.active > 0) {
        const idle = new Promise<void>((resolve) => {
          drain.onIdle = resolve;
        });
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, drainMs);
        });
        await Promise.race([idle, deadline]);
        clearTimeout(timer);
      }
      server.closeAllConnections();
      await closed;
    },
  };
}

/** Requests in flight on one server, for the drain on close. */
interface Drain {
  active: number;
  onIdle: (() => void) | null;
}
const kDrain = Symbol('gatehouse.drain');
type Drained = ServerResponse & { [kDrain]: Drain };

// Module-level rather than a closure per request; a response emits 'close' once, so `on` needs no `once` wrapper.
function onResponseClosed(this: ServerResponse): void {
  const drain = (this as Drained)[kDrain];
  drain.active -= 1;
  if (drain.active === 0) drain.onIdle?.();
}
