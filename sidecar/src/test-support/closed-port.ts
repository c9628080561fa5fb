import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local port nothing listens on: connections to it are refused. */
export async function closedPortUrl(): Promise<string> {
  const server = http.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
