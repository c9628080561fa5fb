import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAllApiRoutes, tokenFor, useDbForRoutes } from '@/lib/server/testing/route-harness';
import { createTestDb, createUser } from '@/lib/server/testing/test-db';
import { POST as createApp } from './apps/route';

// Issue #13, finding 5: an auto-submitting text/plain form on another port of the same host created an
// application with the visitor's session cookie. Cookie-authenticated writes come only from the portal's own
// origin, and JSON routes read only application/json. Generated from the route files, so no write route escapes.
type Handler = (req: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
const ATTACKER = 'http://127.0.0.1:3001';

let t: Awaited<ReturnType<typeof createTestDb>>;
let token: string;
let userId: string;
beforeAll(async () => {
  t = await createTestDb();
  useDbForRoutes(t.db);
  const user = await createUser(t.db, 'victim');
  userId = user.id;
  token = await tokenFor(t.db, user);
});
afterAll(() => t.cleanup());

const sessionWrites = listAllApiRoutes()
  .filter((r) => r.route.startsWith('v1/') && fs.readFileSync(r.file, 'utf8').includes('withSession'))
  .flatMap((r) => r.verbs.filter((v) => v !== 'GET').map((verb) => ({ ...r, verb })));
const params = (route: string) => Object.fromEntries([...route.matchAll(/\[(\w+)\]/g)].map((m) => [m[1]!, 'x']));

describe('cookie-authenticated writes come only from the portal itself', () => {
  it('finds the session routes', () => expect(sessionWrites.length).toBeGreaterThan(25));

  for (const w of sessionWrites) {
    for (const [name, headers] of [
      ['an Origin of another port', { origin: ATTACKER }],
      ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
      ['Sec-Fetch-Site: cross-site with no Origin', { 'sec-fetch-site': 'cross-site' }],
      ['Origin: null (a sandboxed frame)', { origin: 'null' }],
    ] as const) {
      it(`${w.verb} /api/${w.route} with a cookie and ${name} is refused with 403`, async () => {
        const handler = ((await import(/* @vite-ignore */ w.file)) as Record<string, Handler>)[w.verb]!;
        const req = new Request(`http://127.0.0.1:3000/api/${w.route}`, { method: w.verb, headers: { cookie: 'next-auth.session-token=stolen', 'content-type': 'text/plain', ...headers }, body: '{"name":"pwned"}' });
        const res = await handler(req, { params: Promise.resolve(params(w.route)) });
        expect(res.status).toBe(403);
        expect(await res.json()).toMatchObject({ code: 'CROSS_ORIGIN_REQUEST' });
      });
    }
  }

  it('the text/plain form that created an application is refused with 415, and nothing is created', async () => {
    const req = new Request('http://127.0.0.1:3000/api/v1/apps', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' }, body: '{"name":"pwned"}' });
    const res = await createApp(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(await t.db.selectFrom('applications').where('owner_id', '=', userId).select('id').execute()).toEqual([]);
  });

  it('a personal access token is not a cookie: automation may call from anywhere, as JSON', async () => {
    const req = new Request('http://127.0.0.1:3000/api/v1/apps', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', origin: ATTACKER }, body: '{"name":"ci"}' });
    expect((await createApp(req, { params: Promise.resolve({}) })).status).toBe(201);
  });
});
