import { z } from 'zod';
import { OPERATIONS } from './operations';

// Transforms (lower-casing an email) have no JSON Schema form; the input shape is what clients need anyway.
const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });

const problem = { description: 'Error', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };

/** The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the handlers validate with. */
export function buildOpenApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const o of OPERATIONS) {
    const params = [...o.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const query = o.query ? Object.entries((jsonSchema(o.query) as { properties?: Record<string, unknown> }).properties ?? {}).map(([name, schema]) => ({ name, in: 'query', required: false, schema })) : [];
    const entry = paths[o.path] ?? {};
    paths[o.path] = entry;
    entry[o.method] = {
      summary: o.summary,
      tags: [o.tag],
      operationId: `${o.method}${o.path.replace(/\{(\w+)\}/g, 'By_$1').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      ...(o.public ? { security: [] } : {}),
      ...(params.length + query.length > 0 ? { parameters: [...params, ...query] } : {}),
      ...(o.body ? { requestBody: { required: !o.bodyOptional, content: { 'application/json': { schema: jsonSchema(o.body) } } } } : {}),
      responses: {
        [String(o.success)]: o.success === 204 ? { description: 'Done' } : { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } },
        '400': problem,
        '401': problem,
        '403': problem,
        '404': problem,
        '409': problem,
        '422': problem,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Gatehouse portal API', version: '1', description: 'Everything the portal pages do. Authenticate with a browser session or `Authorization: Bearer gpat_...` (a personal access token from /account/tokens).' },
    servers: [{ url: serverUrl }],
    security: [{ personalAccessToken: [] }, { session: [] }],
    components: {
      securitySchemes: {
        personalAccessToken: { type: 'http', scheme: 'bearer', description: 'A personal access token, gpat_...' },
        session: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token' },
      },
      schemas: {
        Problem: {
          type: 'object',
          description: 'RFC 9457 problem details',
          properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, code: { type: 'string' } },
          required: ['type', 'title', 'status', 'code'],
        },
      },
    },
    paths,
  };
}
