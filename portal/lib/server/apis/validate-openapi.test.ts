import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { largeOpenApiDocument } from './fixtures/large-openapi';
import { validateOpenApi } from './validate-openapi';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');

describe('OpenAPI import validation', () => {
  it('accepts a 3.0 YAML document with shared $ref parameters, responses and recursive schemas', async () => {
    const v = await validateOpenApi(fixture('petstore-3.0.yaml'));
    expect(v).toMatchObject({ valid: true, version: '3.0.3', info: { title: 'Pet Shelter', version: '2.1.0' } });
    if (v.valid) expect(v.operations.map((o) => `${o.method} ${o.path}`)).toEqual(['GET /pets', 'POST /pets', 'GET /pets/{petId}', 'DELETE /pets/{petId}', 'GET /pets/{petId}/visits']);
  });

  it('accepts a 3.1 JSON document with type arrays, webhooks and $ref siblings', async () => {
    const v = await validateOpenApi(fixture('tasks-3.1.json'));
    expect(v).toMatchObject({ valid: true, version: '3.1.0', info: { title: 'Task Board' } });
    if (v.valid) expect(v.operations).toHaveLength(3);
  });

  it('accepts a large document (over 1 MB, 1200 operations) in reasonable time', async () => {
    const text = largeOpenApiDocument();
    expect(text.length).toBeGreaterThan(1_000_000);
    const started = Date.now();
    const v = await validateOpenApi(text);
    expect(v.valid).toBe(true);
    if (v.valid) expect(v.operations).toHaveLength(1200);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('reports every problem of an invalid document, not just the first', async () => {
    const v = await validateOpenApi(fixture('invalid-3.0.yaml'));
    expect(v.valid).toBe(false);
    if (!v.valid) {
      expect(v.problems.length).toBeGreaterThanOrEqual(2);
      expect(v.problems.join('\n')).toMatch(/version/);
      expect(v.problems.join('\n')).toMatch(/responses/);
    }
  });

  it('reports a dangling $ref as a problem', async () => {
    const doc = { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/a': { get: { responses: { '200': { $ref: '#/components/responses/Nope' } } } } } };
    const v = await validateOpenApi(JSON.stringify(doc));
    expect(v).toMatchObject({ valid: false });
    if (!v.valid) expect(v.problems.join()).toMatch(/Nope/);
  });

  it('reports YAML syntax errors with their position, Swagger 2.0 and non-documents', async () => {
    const yamlError = await validateOpenApi('openapi: 3.1.0\ninfo: [unclosed\n');
    expect(yamlError.valid).toBe(false);
    if (!yamlError.valid) expect(yamlError.problems[0]).toMatch(/line/i);
    expect(await validateOpenApi('{"swagger":"2.0","info":{"title":"t","version":"1"},"paths":{}}')).toMatchObject({ valid: false, problems: [expect.stringMatching(/Swagger 2\.0/)] });
    expect(await validateOpenApi('just a string')).toMatchObject({ valid: false });
    expect(await validateOpenApi('')).toMatchObject({ valid: false });
  });

  it('never fetches an external $ref (a document cannot make the portal request a URL or read a file)', async () => {
    let hits = 0;
    const http = await import('node:http');
    const server = http.createServer((_req, res) => {
      hits++;
      res.end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    const doc = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: { '/a': { $ref: `http://127.0.0.1:${port}/steal` }, '/b': { $ref: 'file:///etc/passwd' } },
    };
    await validateOpenApi(JSON.stringify(doc));
    server.close();
    expect(hits).toBe(0);
  });
});
