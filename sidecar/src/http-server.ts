import { once } from 'node:events';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ListenAddress } from './config';

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
): Promise<DrainableServer> {
  let active = 0;
  let onIdle: (() => void) | null = null;
  const server = http.createServer((req, res) => {
    active += 1;
    res.once('close', () => {
      active -= 1;
      if (active === 0) onIdle?.();
    });
    handler(req, res);
  });
  server.listen(address.port, address.host);
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;

  return {
    server,
    port,
    inFlight: () => active,
    async close(drainMs) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections with no request in flight would otherwise hold close() open until they time out.
      server.closeIdleConnections();
      if (active > 0) {
        const idle = new Promise<void>((resolve) => {
          onIdle = resolve;
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
