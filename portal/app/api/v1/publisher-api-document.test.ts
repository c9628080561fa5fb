import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/server/actor';
import { largeOpenApiDocument } from '@/lib/server/apis/fixtures/large-openapi';
import { callRoute, tokenFor, useDbForRoutes } from '@/lib/server/testing/route-harness';
import { createTestDb, createUser } from '@/lib/server/testing/test-db';

let t: Awaited<ReturnType<typeof createTestDb>>;
let owner: Actor;
let token: string;
let otherToken: string;
let apiId: string;
let stored: string;

beforeAll(async () => {
  t = await createTestDb();
  useDbForRoutes(t.db);
  owner = await createUser(t.db, 'owner', 'publisher');
  token = await tokenFor(t.db, owner);
  otherToken = await tokenFor(t.db, await createUser(t.db, 'other', 'publisher'));
  const res = await callRoute('publisher/apis', 'POST', {}, token, { openapi: largeOpenApiDocument(), context: '/large/v1', backendUrl: 'http://backend.test' });
  expect(res.status, res.text).toBe(201);
  apiId = String(res.json().id);
  stored = (await t.db.selectFrom('apis').where('id', '=', apiId).select('openapi').executeTakeFirstOrThrow()).openapi;
}, 60_000);
afterAll(() => t.cleanup());

describe("the publisher's API page and its document", () => {
  it('the page’s data leaves the document out: a large API answers in kilobytes, with its operations', async () => {
    const started = performance.now();
    const res = await callRoute('publisher/apis/[apiId]', 'GET', { apiId }, token);
    const ms = performance.now() - started;
    expect(res.status).toBe(200);
    const body = res.json();
    console.log(JSON.stringify({ documentBytes: Buffer.byteLength(stored), detailBytes: Buffer.byteLength(res.text), detailMs: Math.round(ms) }));
    expect(body).not.toHaveProperty('openapi');
    expect((body.operations as unknown[]).length).toBe(1200);
    expect(Buffer.byteLength(res.text)).toBeLessThan(Buffer.byteLength(stored) / 5);
  });

  it('the document has its own route, for the owner only, also while the API is a draft', async () => {
    const res = await callRoute('publisher/apis/[apiId]/openapi', 'GET', { apiId }, token);
    expect(res.status).toBe(200);
    expect(res.text).toBe(stored);
    const other = await callRoute('publisher/apis/[apiId]/openapi', 'GET', { apiId }, otherToken);
    expect(other.status).toBe(404);
    expect(other.text).not.toContain('paths');
  });
});
