import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_OPENAPI_BYTES } from '../../openapi/limits';
import { largeOpenApiDocument } from './fixtures/large-openapi';
import { processOpenApi } from './process-openapi';
import { validateOpenApi } from './validate-openapi';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
const problemsOf = async (text: string) => {
  const v = await processOpenApi(text);
  if (v.valid) throw new Error('expected problems, the document was accepted');
  return v.problems;
};

describe('OpenAPI import validation', () => {
  it('accepts a 3.0 YAML document with shared $ref parameters, responses and recursive schemas', async () => {
    const v = await validateOpenApi(fixture('petstore-3.0.yaml'));
    expect(v).toMatchObject({ valid: true, version: '3.0.3', convertedFrom: null, info: { title: 'Pet Shelter', version: '2.1.0' } });
    if (v.valid) expect(v.operations.map((o) => `${o.method} ${o.path}`)).toEqual(['GET /pets', 'POST /pets', 'GET /pets/{petId}', 'DELETE /pets/{petId}', 'GET /pets/{petId}/visits']);
  });

  it('accepts a 3.1 JSON document with type arrays, webhooks and $ref siblings', async () => {
    const v = await validateOpenApi(fixture('tasks-3.1.json'));
    expect(v).toMatchObject({ valid: true, version: '3.1.0', info: { title: 'Task Board' } });
    if (v.valid) expect(v.operations).toHaveLength(3);
  });

  it('stores minified JSON whose internal $refs stay, so a recursive schema cannot loop', async () => {
    const v = await processOpenApi(fixture('petstore-3.0.yaml'));
    if (!v.valid) throw new Error(v.problems.join('\n'));
    const stored = JSON.parse(v.document) as { components: { schemas: Record<string, unknown> } };
    expect(v.document).not.toContain('\n');
    expect(JSON.stringify(stored.components.schemas)).toContain('"$ref":"#/components/schemas/');
  });

  it('accepts a large document (over 1 MB, 1200 operations)', async () => {
    const text = largeOpenApiDocument();
    expect(text.length).toBeGreaterThan(1_000_000);
    const v = await validateOpenApi(text);
    expect(v.valid).toBe(true);
    if (v.valid) expect(v.operations).toHaveLength(1200);
  });

  it('reports every problem of an invalid document, not just the first', async () => {
    const problems = (await problemsOf(fixture('invalid-3.0.yaml'))).join('\n');
    expect(problems).toMatch(/version/);
    expect(problems).toMatch(/responses/);
  });

  it('reports a dangling $ref as a problem', async () => {
    const doc = { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/a': { get: { responses: { '200': { $ref: '#/components/responses/Nope' } } } } } };
    expect((await problemsOf(JSON.stringify(doc))).join()).toMatch(/Nope/);
  });

  it('reports YAML syntax errors with their position, and non-documents', async () => {
    expect((await problemsOf('openapi: 3.1.0\ninfo: [unclosed\n'))[0]).toMatch(/line/i);
    expect(await problemsOf('just a string')).toEqual(['The document must be an object']);
    expect(await problemsOf('')).toEqual(['The document is empty']);
    expect((await problemsOf('{"openapi":"3.2.0","info":{"title":"t","version":"1"},"paths":{}}'))[0]).toMatch(/3\.0\.x or 3\.1\.x/);
  });
});

describe('real-world document shapes', () => {
  it('refuses a document with external $refs, naming each by the JSON pointer where it sits', async () => {
    const doc = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/a/{id}': { get: { responses: { '200': { $ref: 'https://example.com/responses.yaml#/Ok' } } } },
        '/b': { $ref: './paths/b.yaml' },
      },
      components: { schemas: { Pet: { $ref: 'file:///etc/passwd' }, Local: { $ref: '#/components/schemas/Pet' } } },
    };
    const problems = await problemsOf(JSON.stringify(doc));
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toContain('External $ref at /paths/~1a~1{id}/get/responses/200/$ref: "https://example.com/responses.yaml#/Ok"');
    expect(problems.join('\n')).toContain('/paths/~1b/$ref: "./paths/b.yaml"');
    expect(problems.join('\n')).toContain('/components/schemas/Pet/$ref: "file:///etc/passwd"');
  });

  it('never fetches an external $ref (a document cannot make the portal request a URL)', async () => {
    let hits = 0;
    const http = await import('node:http');
    const server = http.createServer((_req, res) => {
      hits++;
      res.end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    const doc = { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/a': { $ref: `http://127.0.0.1:${port}/steal` } } };
    await processOpenApi(JSON.stringify(doc));
    server.close();
    expect(hits).toBe(0);
  });

  it('refuses a YAML alias bomb as a problem (a 4xx upstream), not an exception', async () => {
    const lines = ['openapi: 3.1.0', 'info: {title: t, version: "1"}', 'paths: {}', 'x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 0; i < 8; i++) lines.push(`x-${i}: &l${i} [${Array(12).fill(i === 0 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    const problems = await problemsOf(lines.join('\n'));
    expect(problems).toEqual([expect.stringMatching(/aliases .* more than 100 times/)]);
  });

  it('honours YAML merge keys (<<) and reads them as the publisher wrote them', async () => {
    const yaml = [
      'openapi: 3.0.3',
      'info: {title: Merge, version: "1"}',
      'x-common: &common',
      '  description: OK',
      'paths:',
      '  /a:',
      '    get:',
      '      responses:',
      "        '200':",
      '          <<: *common',
    ].join('\n');
    const v = await processOpenApi(yaml);
    if (!v.valid) throw new Error(v.problems.join('\n'));
    expect(JSON.parse(v.document).paths['/a'].get.responses['200']).toEqual({ description: 'OK' });
  });

  it('converts Swagger 2.0 to OpenAPI 3.1 and says so', async () => {
    const swagger = {
      swagger: '2.0',
      info: { title: 'Old', version: '1.0' },
      host: 'old.example.com',
      basePath: '/v1',
      paths: { '/pets': { get: { produces: ['application/json'], responses: { '200': { description: 'OK', schema: { $ref: '#/definitions/Pet' } } } } } },
      definitions: { Pet: { type: 'object', properties: { name: { type: 'string' } } } },
    };
    const v = await processOpenApi(JSON.stringify(swagger));
    if (!v.valid) throw new Error(v.problems.join('\n'));
    expect(v).toMatchObject({ convertedFrom: 'Swagger 2.0', version: expect.stringMatching(/^3\.1\./), operations: [{ method: 'GET', path: '/pets' }] });
    const stored = JSON.parse(v.document);
    expect(stored.swagger).toBeUndefined();
    expect(stored.paths['/pets'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Pet' });
  });

  it('refuses an invalid Swagger 2.0 document with the problems of the document the publisher wrote', async () => {
    const problems = await problemsOf(JSON.stringify({ swagger: '2.0', info: { title: 'Old' }, paths: {} }));
    expect(problems.join()).toMatch(/version/);
    expect(problems.join()).not.toMatch(/After conversion/);
  });

  it('derives a version label from info.version and prefills a plain-text description', async () => {
    const doc = { openapi: '3.1.0', info: { title: 'Beta', version: '2.0 (beta)', description: '<p>The <b>Beta</b> API &amp; more.</p>\n\nSecond paragraph.' }, paths: {} , components: { schemas: {} } };
    const v = await processOpenApi(JSON.stringify(doc));
    expect(v).toMatchObject({ valid: true, info: { version: '2.0 (beta)' }, suggested: { name: 'Beta', version: '2.0-beta', description: 'The Beta API & more.' } });
  });

  it('refuses a document past the size limit with the limit in words', async () => {
    const v = await processOpenApi(`{"x":"${'a'.repeat(MAX_OPENAPI_BYTES)}"}`);
    expect(v).toMatchObject({ valid: false, tooLarge: true, problems: [expect.stringMatching(/^The document is 25\.0 MiB; the portal imports OpenAPI documents of up to 25 MiB/)] });
  });
});
