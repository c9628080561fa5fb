import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileUpstream } from '../cache/upstream-base';
import { createLogger } from '../logger';
import { waitFor } from '../test-support/wait-for';
import { judgeFraming } from './request-framing';
import { createUpstreamProxy } from './upstream-proxy';

/**
 * What the forwarder (http-proxy plus our handlers) must do beyond what the request-path tests reach (request bodies both framings, repeated response headers, framing and hop-by-hop on the way back,
 * X-Forwarded-* appended, a backend dying mid-body).
 */
let backend: http.Server;
let gateway: http.Server;
let gatewayPort: number;
const seen: { headers: http.IncomingHttpHeaders; body: string }[] = [];
const proxy = createUpstreamProxy({ timeoutMs: 2000, maxSockets: 8, logger: createLogger('silent') });

beforeAll(async () => {
  backend = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ headers: req.headers, body: Buffer.concat(chunks).toString() });
      if (req.url === '/api/dies') {
        res.writeHead(200, { 'content-length': '100' });
        res.write('partial');
        setImmediate(() => res.socket?.destroy());
        return;
      }
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.setHeader('keep-alive', 'timeout=5');
      res.setHeader('vary', 'Accept');
      res.end(`echo:${Buffer.concat(chunks).toString()}`);
    });
  });
  backend.listen(0, '127.0.0.1');
  await once(backend, 'listening');
  const upstream = compileUpstream(`http://127.0.0.1:${(backend.address() as AddressInfo).port}/api`);
  gateway = http.createServer((req, res) => {
    const framing = judgeFraming(req);
    if (!framing.ok) throw new Error('test requests are well framed');
    // `x-test-trusted` plays a peer inside --trusted-proxies: its forwarding headers are extended, not replaced.
    const hop = { peer: req.socket.remoteAddress ?? '', peerTrusted: req.headers['x-test-trusted'] === '1', localPort: gatewayPort };
    proxy.forward(req, res, upstream, `/api${req.url ?? ''}`, { framing: framing.framing, hop, maxBodyBytes: 1024 });
  });
  gateway.listen(0, '127.0.0.1');
  await once(gateway, 'listening');
  gatewayPort = (gateway.address() as AddressInfo).port;
});
afterAll(async () => {
  proxy.close();
  backend.closeAllConnections();
  await Promise.all([new Promise((r) => backend.close(r)), new Promise((r) => gateway.close(r))]);
});

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string; chunked?: boolean } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; raw: string[]; body: string }>((resolve, reject) => {
    const req = http.request({ port: gatewayPort, host: '127.0.0.1', path, method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, raw: res.rawHeaders, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.body !== undefined) {
      if (options.chunked) req.write(options.body);
      else req.setHeader('content-length', Buffer.byteLength(options.body));
    }
    req.end(options.chunked ? undefined : options.body);
  });
}

describe('upstream forwarder', () => {
  it('request bodies reach the backend with either framing', async () => {
    expect((await send('/p', { method: 'POST', body: 'fixed' })).body).toBe('echo:fixed');
    expect((await send('/p', { method: 'POST', body: 'streamed', chunked: true })).body).toBe('echo:streamed');
    expect(seen.at(-1)?.headers['transfer-encoding']).toBe('chunked');
  });

  it('repeated response headers survive, the backend keep-alive stays on its hop, and its Vary is kept', async () => {
    const answer = await send('/r');
    expect(answer.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(answer.headers['keep-alive']).toBeUndefined();
    expect(answer.headers.vary).toBe('Accept');
  });

  it("a client's X-Forwarded-* and Forwarded are overwritten: they are claims, not facts", async () => {
    await send('/x', { headers: { 'x-forwarded-for': '10.0.0.1', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'edge.example', 'x-forwarded-port': '1', forwarded: 'for=10.0.0.1' } });
    const headers = seen.at(-1)?.headers ?? {};
    expect(headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(headers['x-forwarded-proto']).toBe('http');
    expect(headers['x-forwarded-port']).toBe(String(gatewayPort));
    expect(headers['x-forwarded-host']).toBe(`127.0.0.1:${gatewayPort}`);
    expect(headers.forwarded).toBe(`for=127.0.0.1;host="127.0.0.1:${gatewayPort}";proto=http`);
    expect(headers.host).toBe(`127.0.0.1:${(backend.address() as AddressInfo).port}`);
  });

  it('from a trusted proxy, X-Forwarded-For and Forwarded are appended to and the first hop keeps Host/Proto/Port', async () => {
    await send('/x', { headers: { 'x-test-trusted': '1', 'x-forwarded-for': '10.0.0.1', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'edge.example', forwarded: 'for=10.0.0.1' } });
    const headers = seen.at(-1)?.headers ?? {};
    expect(headers['x-forwarded-for']).toBe('10.0.0.1, 127.0.0.1');
    expect(headers['x-forwarded-proto']).toBe('https');
    expect(headers['x-forwarded-host']).toBe('edge.example');
    expect(headers.forwarded).toBe(`for=10.0.0.1, for=127.0.0.1;host="127.0.0.1:${gatewayPort}";proto=http`);
  });

  it('a declared body past the cap is 413 and never reaches the backend; a streamed one is cut', async () => {
    const before = seen.length;
    const answer = await send('/p', { method: 'POST', body: 'x'.repeat(2000) });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).code).toBe('BODY_TOO_LARGE');
    expect(seen.length).toBe(before);
  });

  it('a backend dying mid-body cuts the client connection instead of ending the answer as if complete', async () => {
    await expect(send('/dies')).rejects.toThrow();
    await waitFor(async () => (await send('/after')).status === 200, 'the gateway to keep serving');
  });
});
