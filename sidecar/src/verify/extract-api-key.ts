import type { IncomingHttpHeaders } from 'node:http';

/** Where the caller put the key; the proxy strips exactly that header before forwarding. */
export interface PresentedKey {
  key: string;
  source: 'x-api-key' | 'authorization';
}

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * `x-api-key` wins over `Authorization: Bearer`, so a backend that has its own Authorization scheme still gets
 * its header when the caller sends the gateway key separately. A non-Bearer Authorization is not ours.
 */
export function extractApiKey(headers: IncomingHttpHeaders): PresentedKey | null {
  const header = headers['x-api-key'];
  if (typeof header === 'string' && header !== '') return { key: header.trim(), source: 'x-api-key' };
  const authorization = headers.authorization;
  const bearer = authorization ? BEARER.exec(authorization) : null;
  return bearer?.[1] ? { key: bearer[1], source: 'authorization' } : null;
}
