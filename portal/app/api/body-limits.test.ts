import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDENTIALS_MAX_BODY_BYTES, OPENAPI_MAX_BODY_BYTES } from '@/lib/server/http/body-limit';
import { listAllApiRoutes, tokenFor, useDbForRoutes } from '@/lib/server/testing/route-harness';
import { createTestDb, createUser } from '@/lib/server/testing/test-db';

// Issue #13, finding 3: an unauthenticated 150 MB JSON body to /api/v1/auth/signup was read whole. Every route
// that takes a body bounds it while reading. The cases are generated from the route files on disk, like the
// authorization matrix, so a new route cannot skip them.
const CHUNK = 64 * 1024;
const HUGE = 64 * 1024 * 1024;
// The largest limit any route has, plus what a stream pipeline may pull ahead before the error lands.
const MOST_ANY_ROUTE_MAY_READ = OPENAPI_MAX_BODY_BYTES + 4 * CHUNK;

type Handler = (req: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;

/** A body that produces up to `total` bytes on demand and counts what the route actually pulled. */
function meteredBody(total: number) {
  const meter = { pulled: 0 };
  const chunk = new TextEncoder().encode(`{"x":"${'a'.repeat(CHUNK - 8)}"}`.slice(0, CHUNK));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (meter.pulled >= total) return controller.close();
      meter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, meter };
}

const paramsFor = (route: string) =>
  Object.fromEntries([...route.matchAll(/\[(\.\.\.)?(\w+)\]/g)].map((m) => [m[2]!, m[1] ? (m[2] === 'nextauth' ? ['callback', 'credentials'] : ['x']) : 'x']));

let t: Awaited<ReturnType<typeof createTestDb>>;
let adminToken: string;
beforeAll(async () => {
  t = await createTestDb();
  useDbForRoutes(t.db);
  adminToken = await tokenFor(t.db, await createUser(t.db, 'admin', 'admin'));
});
afterAll(() => t.cleanup());

const writes = listAllApiRoutes().flatMap((r) => r.verbs.filter((v) => v !== 'GET').map((verb) => ({ ...r, verb })));

describe('every route bounds the body it reads', () => {
  it('finds the routes (the generator is not silently empty)', () => {
    expect(writes.map((w) => `${w.verb} ${w.route}`)).toEqual(expect.arrayContaining(['POST v1/auth/signup', 'POST gateway/v1/analytics', 'POST auth/[...nextauth]', 'POST v1/publisher/apis']));
  });

  for (const w of writes) {
    it(`${w.verb} /api/${w.route} refuses a declared content-length past its limit with 413, reading nothing`, async () => {
      const handler = ((await import(/* @vite-ignore */ w.file)) as Record<string, Handler>)[w.verb]!;
      const { stream, meter } = meteredBody(HUGE);
      const headers = { 'content-type': 'application/json', 'content-length': String(HUGE), authorization: `Bearer ${adminToken}`, origin: 'http://portal.test' };
      const req = new Request(`http://portal.test/api/${w.route}`, { method: w.verb, headers, body: stream, duplex: 'half' } as RequestInit);
      const res = await handler(req, { params: Promise.resolve(paramsFor(w.route)) });
      expect(res.status).toBe(413);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(await res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
      expect(meter.pulled).toBeLessThanOrEqual(4 * CHUNK);
    });

    it(`${w.verb} /api/${w.route} stops reading a chunked body past its limit`, async () => {
      const handler = ((await import(/* @vite-ignore */ w.file)) as Record<string, Handler>)[w.verb]!;
      const { stream, meter } = meteredBody(HUGE);
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${adminToken}`, origin: 'http://portal.test' };
      const req = new Request(`http://portal.test/api/${w.route}`, { method: w.verb, headers, body: stream, duplex: 'half' } as RequestInit);
      const res = await handler(req, { params: Promise.resolve(paramsFor(w.route)) });
      expect(meter.pulled).toBeLessThanOrEqual(MOST_ANY_ROUTE_MAY_READ);
      if (meter.pulled > 4 * CHUNK) expect(res.status).toBe(413);
      expect(res.status).toBeGreaterThanOrEqual(400);
    });
  }

  it('sign-up, unauthenticated, reads at most its small limit of a 64 MiB chunked body and answers 413', async () => {
    const { POST } = await import('./v1/auth/signup/route');
    const { stream, meter } = meteredBody(HUGE);
    const req = new Request('http://portal.test/api/v1/auth/signup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    const res = await POST(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(413);
    expect(meter.pulled).toBeLessThanOrEqual(CREDENTIALS_MAX_BODY_BYTES + 4 * CHUNK);
  });

  it('the analytics route checks the gateway token before reading any body', async () => {
    const { POST } = await import('./gateway/v1/analytics/route');
    const { stream, meter } = meteredBody(HUGE);
    const req = new Request('http://portal.test/api/gateway/v1/analytics', { method: 'POST', headers: { authorization: 'Bearer gwt_forged', 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    const res = await POST(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(401);
    // A stream pipeline pulls a couple of chunks ahead on its own; what matters is that nothing reads on.
    expect(meter.pulled).toBeLessThanOrEqual(4 * CHUNK);
  });
});
