import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/server/actor';
import { callRoute, tokenFor, useDbForRoutes } from '@/lib/server/testing/route-harness';
import { createTestDb, createUser } from '@/lib/server/testing/test-db';

let t: Awaited<ReturnType<typeof createTestDb>>;
let owner: Actor;
let token: string;
let otherToken: string;
beforeAll(async () => {
  t = await createTestDb();
  useDbForRoutes(t.db);
  owner = await createUser(t.db, 'diff-owner', 'publisher');
  token = await tokenFor(t.db, owner);
  otherToken = await tokenFor(t.db, await createUser(t.db, 'diff-other', 'publisher'));
});
afterAll(() => t.cleanup());

const pets = (extra: Record<string, unknown> = {}) => ({
  '/pets': { get: { parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }], responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pets' } } } } } } },
  ...extra,
});
const doc = (paths: Record<string, unknown>, pet: Record<string, unknown> = { id: { type: 'integer' }, name: { type: 'string' } }) =>
  JSON.stringify({ openapi: '3.0.3', info: { title: 'Pets', version: '1' }, paths, components: { schemas: { Pets: { type: 'array', items: { type: 'object', properties: pet } } } } });

async function importApi(context: string): Promise<string> {
  const res = await callRoute('publisher/apis', 'POST', {}, token, { openapi: doc(pets({ '/pets/{id}': { delete: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], responses: { '204': { description: 'Gone' } } } } })), context, backendUrl: 'http://backend.test' });
  expect(res.status, res.text).toBe(201);
  return String(res.json().id);
}

describe('POST /publisher/apis/{id}/document-diff', () => {
  it('answers the operations added and removed and each breaking change, storing nothing', async () => {
    const apiId = await importApi('/diff/v1');
    const next = doc(pets({ '/owners': { get: { responses: { '200': { description: 'OK' } } } } }), { id: { type: 'integer' } });
    const res = await callRoute('publisher/apis/[apiId]/document-diff', 'POST', { apiId }, token, { openapi: next });
    expect(res.status, res.text).toBe(200);
    expect(res.json()).toEqual({
      added: [{ method: 'GET', path: '/owners' }],
      removed: [{ method: 'DELETE', path: '/pets/{id}' }],
      breaking: [
        { rule: 'operation-removed', operation: 'DELETE /pets/{id}', message: 'DELETE /pets/{id}: operation removed' },
        { rule: 'response-property-removed', operation: 'GET /pets', message: 'GET /pets: response 200 no longer has property "[].name"' },
      ],
    });
    const stored = await t.db.selectFrom('apis').where('id', '=', apiId).select('openapi').executeTakeFirstOrThrow();
    expect(JSON.parse(stored.openapi).paths['/pets/{id}']).toBeDefined();
  });

  it('an invalid document is a 422 problem listing its problems on `openapi`', async () => {
    const apiId = await importApi('/diff/v2');
    const res = await callRoute('publisher/apis/[apiId]/document-diff', 'POST', { apiId }, token, { openapi: '{"openapi":"3.0.3","paths":{}}' });
    expect(res.status).toBe(422);
    expect(res.json()).toMatchObject({ type: expect.stringContaining('/problems/unprocessable'), code: 'UNPROCESSABLE', errors: [expect.objectContaining({ path: 'openapi' })] });
  });

  it("another publisher's API is not found, so ids do not leak", async () => {
    const apiId = await importApi('/diff/v3');
    const res = await callRoute('publisher/apis/[apiId]/document-diff', 'POST', { apiId }, otherToken, { openapi: doc(pets()) });
    expect(res.status).toBe(404);
  });
});
