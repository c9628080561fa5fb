import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addressPolicy } from './address-policy';
import { type GuardedFetchOptions, guardedFetch } from './guarded-fetch';

let server: http.Server;
let base: string;
let hits: string[];
const DOC = 'openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths: {}\n';

beforeEach(async () => {
  hits = [];
  server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/doc.yaml') return void res.end(DOC);
    if (url.pathname === '/redirect') return void res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end();
    if (url.pathname === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
    if (url.pathname === '/big') return void res.end('x'.repeat(2000));
    if (url.pathname === '/slow') return; // never answers
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterEach(() => {
  server.closeAllConnections();
  server.close();
});

// The test server is on loopback, so "allowed" tests exempt exactly 127.0.0.1 the way an admin setting would.
const opts = (over: Partial<GuardedFetchOptions> = {}): GuardedFetchOptions => ({
  policy: addressPolicy(['127.0.0.1/32']),
  maxBytes: 1000,
  timeoutMs: 2000,
  maxRedirects: 3,
  ...over,
});
const strict = (over: Partial<GuardedFetchOptions> = {}) => opts({ policy: addressPolicy([]), ...over });

describe('SSRF guard for OpenAPI URL imports', () => {
  it('fetches a document from an allowed address', async () => {
    expect(await guardedFetch(`${base}/doc.yaml`, opts())).toMatchObject({ ok: true, text: DOC });
  });

  it('refuses loopback, private, link-local and metadata addresses by default, before connecting', async () => {
    for (const url of [`${base}/doc.yaml`, 'http://10.0.0.5/x', 'http://192.168.1.1/', 'http://172.16.0.1/', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://[fe80::1]/', 'http://[fd00::1]/', 'http://0.0.0.0/', 'http://100.64.0.1/']) {
      expect(await guardedFetch(url, strict()), url).toMatchObject({ ok: false, code: 'FORBIDDEN_ADDRESS' });
    }
    expect(hits).toEqual([]);
  });

  it('refuses a host name if any of its resolved addresses is forbidden (DNS answers rotate)', async () => {
    const resolveHost = async () => ['93.184.216.34', '127.0.0.1'];
    expect(await guardedFetch('http://docs.example.test/api.yaml', strict({ resolveHost }))).toMatchObject({ ok: false, code: 'FORBIDDEN_ADDRESS' });
    expect(await guardedFetch('http://localhost/api.yaml', strict())).toMatchObject({ ok: false, code: 'FORBIDDEN_ADDRESS' });
  });

  it('re-checks every redirect hop and refuses one that leads to a forbidden address', async () => {
    const res = await guardedFetch(`${base}/redirect?to=${encodeURIComponent('http://169.254.169.254/latest/meta-data/')}`, opts());
    expect(res).toMatchObject({ ok: false, code: 'FORBIDDEN_ADDRESS' });
    expect(await guardedFetch(`${base}/redirect?to=/doc.yaml`, opts())).toMatchObject({ ok: true, text: DOC });
  });

  it('refuses other schemes, credentials in the URL, redirect loops, oversize bodies and slow servers', async () => {
    expect(await guardedFetch('file:///etc/passwd', opts())).toMatchObject({ ok: false, code: 'BAD_URL' });
    expect(await guardedFetch('ftp://example.com/a', opts())).toMatchObject({ ok: false, code: 'BAD_URL' });
    expect(await guardedFetch(`http://user:pw@127.0.0.1:1/`, opts())).toMatchObject({ ok: false, code: 'BAD_URL' });
    expect(await guardedFetch(`${base}/loop`, opts())).toMatchObject({ ok: false, code: 'TOO_MANY_REDIRECTS' });
    expect(await guardedFetch(`${base}/big`, opts())).toMatchObject({ ok: false, code: 'TOO_LARGE' });
    expect(await guardedFetch(`${base}/slow`, opts({ timeoutMs: 300 }))).toMatchObject({ ok: false, code: 'TIMEOUT' });
  });
});
