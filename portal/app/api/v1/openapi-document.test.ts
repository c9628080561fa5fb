import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/server/actor';
import { changeApiStatus } from '@/lib/server/apis/change-api-status';
import { findExternalRefs } from '@/lib/server/apis/external-refs';
import { importStats } from '@/lib/server/apis/import-cache';
import { callRoute, tokenFor, useDbForRoutes } from '@/lib/server/testing/route-harness';
import { createCatalog, createTestDb, createUser } from '@/lib/server/testing/test-db';
import { GET as getDocument } from './apis/[apiId]/openapi/route';

let t: Awaited<ReturnType<typeof createTestDb>>;
let pub: Actor;
let token: string;
beforeAll(async () => {
  t = await createTestDb();
  useDbForRoutes(t.db);
  pub = await createUser(t.db, 'pub', 'publisher');
  token = await tokenFor(t.db, pub);
});
afterAll(() => t.cleanup());

const doc = (title: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    openapi: '3.1.0',
    info: { title, version: '1.0 (beta)' },
    paths: { '/pets': { get: { responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } } } } },
    components: { schemas: { Pet: { type: 'object', properties: { name: { type: 'string' }, friends: { type: 'array', items: { $ref: '#/components/schemas/Pet' } } } } } },
    ...extra,
  });

let contexts = 0;
async function importPublished(openapi: string): Promise<string> {
  const res = await callRoute('publisher/apis', 'POST', {}, token, { openapi, context: `/doc-${++contexts}/v1`, backendUrl: 'http://backend.test' });
  expect(res.status, res.text).toBe(201);
  const id = String(res.json().id);
  await changeApiStatus(t.db, pub, id, { status: 'PUBLISHED' });
  return id;
}

async function fetchDocument(apiId: string, headers: Record<string, string> = {}) {
  const res = await getDocument(new Request(`http://portal.test/api/v1/apis/${apiId}/openapi`, { headers }), { params: Promise.resolve({ apiId }) });
  const raw = Buffer.from(await res.arrayBuffer());
  return { res, raw, text: raw.toString('utf8') };
}

describe('the document route serves the reference what it needs', () => {
  it('answers the stored JSON with a strong ETag and no-cache, and a 304 without a body when unchanged', async () => {
    const apiId = await importPublished(doc('Served'));
    const first = await fetchDocument(apiId);
    expect(first.res.status).toBe(200);
    expect(first.res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(first.res.headers.get('cache-control')?.split(/,\s*/)).toEqual(expect.arrayContaining(['public', 'no-cache']));
    expect(first.res.headers.get('etag')).toMatch(/^"[\w-]{32}"$/);
    // Compression is next start's job (the route's comment says why); the e2e suite checks it over real HTTP.
    expect(first.res.headers.get('content-encoding')).toBeNull();
    expect(JSON.parse(first.text)).toEqual(JSON.parse(doc('Served')));

    const again = await fetchDocument(apiId, { 'if-none-match': `W/${first.res.headers.get('etag')}, "other"` });
    expect(again.res.status).toBe(304);
    expect(again.raw.length).toBe(0);
    expect(again.res.headers.get('etag')).toBe(first.res.headers.get('etag'));
  });

  it('a new document gets a new ETag: the old validator no longer matches', async () => {
    const apiId = await importPublished(doc('Before'));
    const before = await fetchDocument(apiId);
    const patched = await callRoute('publisher/apis/[apiId]', 'PATCH', { apiId }, token, { openapi: doc('After') });
    expect(patched.status, patched.text).toBe(200);
    const after = await fetchDocument(apiId, { 'if-none-match': String(before.res.headers.get('etag')) });
    expect(after.res.status).toBe(200);
    expect(JSON.parse(after.text).info.title).toBe('After');
  });

  it('a document stored before imports refused external $refs is served without them, as JSON', async () => {
    const { api } = await createCatalog(t.db, 'legacy');
    const legacy = "openapi: 3.1.0\ninfo: {title: Legacy, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {$ref: 'https://example.com/ok.yaml'}\n";
    await t.db.updateTable('apis').set({ openapi: legacy, updated_at: new Date().toISOString() }).where('id', '=', api.id).execute();
    const served = await fetchDocument(api.id);
    expect(served.res.status).toBe(200);
    expect(findExternalRefs(JSON.parse(served.text))).toEqual([]);
    expect(JSON.parse(served.text).paths['/a'].get.responses['200']).toEqual({ description: 'External reference removed by the portal: https://example.com/ok.yaml' });
  });

  it('drafts stay out of the catalog: not found', async () => {
    const res = await callRoute('publisher/apis', 'POST', {}, token, { openapi: doc('Draft'), context: '/draft/v1', backendUrl: 'http://backend.test' });
    const draft = await fetchDocument(String(res.json().id));
    expect(draft.res.status).toBe(404);
  });
});

describe('importing real-world documents over HTTP', () => {
  it('refuses external $refs with a 422 naming where each sits; nothing is stored that could send a reader elsewhere', async () => {
    const res = await callRoute('publisher/apis', 'POST', {}, token, { openapi: doc('External', { paths: { '/a': { $ref: 'https://example.com/paths.yaml#/a' } } }), context: '/ext/v1', backendUrl: 'http://backend.test' });
    expect(res.status).toBe(422);
    expect(res.json()).toMatchObject({ code: 'UNPROCESSABLE', errors: [{ path: 'openapi', message: expect.stringContaining('External $ref at /paths/~1a/$ref: "https://example.com/paths.yaml#/a"') }] });
    expect(await t.db.selectFrom('apis').where('context', '=', '/ext/v1').select('id').executeTakeFirst()).toBeUndefined();
  });

  it('a YAML alias bomb is a 422 with a clear message, never a 500', async () => {
    const lines = ['openapi: 3.1.0', 'info: {title: t, version: "1"}', 'paths: {}', 'x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 0; i < 8; i++) lines.push(`x-${i}: &l${i} [${Array(12).fill(i === 0 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    const res = await callRoute('publisher/apis', 'POST', {}, token, { openapi: lines.join('\n'), context: '/bomb/v1', backendUrl: 'http://backend.test' });
    expect(res.status).toBe(422);
    expect(res.json().errors).toEqual([{ path: 'openapi', message: expect.stringMatching(/aliases/) }]);
  });

  it('a document past 25 MiB is a 413 problem that states the limit in words, not a schema message', async () => {
    const res = await callRoute('publisher/apis', 'POST', {}, token, { openapi: `{"x":"${'a'.repeat(26 * 1024 * 1024)}"}`, context: '/big/v1', backendUrl: 'http://backend.test' });
    expect(res.status).toBe(413);
    expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', detail: expect.stringMatching(/^The document is 26\.0 MiB; the portal imports OpenAPI documents of up to 25 MiB/) });
    expect(res.text).not.toMatch(/Too big|characters/);
  });

  it('validate then create processes the document once, and the API gets a derived version label', async () => {
    const text = doc('Once', { 'x-nonce': Math.random() });
    const before = importStats.processed;
    const verdict = await callRoute('publisher/openapi/validate', 'POST', {}, token, { document: text });
    expect(verdict.json()).toMatchObject({ valid: true, suggested: { version: '1.0-beta' }, versionRule: expect.stringContaining('"2.0 (beta)" becomes "2.0-beta"') });
    expect(verdict.text).not.toContain('"document"');
    const created = await callRoute('publisher/apis', 'POST', {}, token, { openapi: text, context: '/once/v1', backendUrl: 'http://backend.test' });
    expect(created.json()).toMatchObject({ name: 'Once', version: '1.0-beta' });
    expect(importStats.processed - before).toBe(1);
  });
});
