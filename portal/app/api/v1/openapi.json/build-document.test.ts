import { validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { listRoutes } from '@/lib/server/testing/route-harness';
import { buildOpenApiDocument } from './build-document';

describe('/api/v1/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const doc = buildOpenApiDocument('http://portal.test/api/v1');
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it('documents exactly the routes and verbs that exist, so it cannot drift from the code', async () => {
    const doc = buildOpenApiDocument('http://portal.test/api/v1');
    const documented = Object.entries(doc.paths).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`)).sort();
    const onDisk = (await listRoutes())
      // The catch-all only answers 404, and the document does not describe itself.
      .filter((r) => !r.route.startsWith('[...path]') && r.route !== 'openapi.json')
      .flatMap((r) => r.verbs.map((v) => `${v} /${r.route.replace(/\[(\w+)\]/g, '{$1}')}`))
      .sort();
    expect(documented).toEqual(onDisk);
  });

  it('describes request bodies with the schemas the handlers validate with (strict: no extra fields)', () => {
    const doc = buildOpenApiDocument('http://portal.test/api/v1');
    const create = (doc.paths['/publisher/apis'] as Record<string, { requestBody: { content: { 'application/json': { schema: Record<string, unknown> } } } }>).post!;
    const schema = create.requestBody.content['application/json'].schema;
    expect(schema).toMatchObject({ type: 'object', additionalProperties: false, required: expect.arrayContaining(['openapi', 'context', 'backendUrl']) });
  });
});
