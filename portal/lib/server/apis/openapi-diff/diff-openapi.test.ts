import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffOpenApi } from './diff-openapi';
import type { Json } from './types';

// Pairs of real documents: the "before" is a document from a registry package (ReadMe's examples, GitHub's REST
// description as Octokit publishes it), the "after" the same document with one small, explicit edit.
const require = createRequire(import.meta.url);
const examples = path.dirname(require.resolve('@readme/oas-examples/package.json'));
const githubFile = path.join(path.dirname(require.resolve('@octokit/openapi/package.json')), 'generated', 'api.github.com.json');
const example = (name: string): Json => JSON.parse(fs.readFileSync(path.join(examples, '3.0/json', name), 'utf8'));

// Parsed once per file: GitHub's description is 13 MB and takes most of a second to read.
let github: Json;
beforeAll(() => {
  github = JSON.parse(fs.readFileSync(githubFile, 'utf8'));
});

// The edits reach into real documents by path; spelling out OpenAPI's whole shape here would bury each edit.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Editable = any;

/** A real document (the petstore unless given) with one edit applied to a deep copy: each test starts from the original. */
function edited(edit: (doc: Editable) => void, base: Json = example('petstore.json')): [Json, Json] {
  const after = structuredClone(base);
  edit(after);
  return [base, after];
}

const messages = (before: Json, after: Json) => diffOpenApi(before, after).breaking.map((c) => c.message);

describe('breaking changes between real documents, one rule each', () => {
  it('an unchanged real document has no changes at all (petstore, and GitHub with 1,000+ operations)', () => {
    expect(diffOpenApi(example('petstore.json'), example('petstore.json'))).toEqual({ added: [], removed: [], breaking: [] });
    expect(diffOpenApi(github, github)).toEqual({ added: [], removed: [], breaking: [] });
  });

  it('a removed operation is listed as removed and as breaking', () => {
    const [before, after] = edited((d) => delete d.paths['/pet/findByTags']);
    const diff = diffOpenApi(before, after);
    expect(diff.removed).toEqual([{ method: 'GET', path: '/pet/findByTags' }]);
    expect(diff.added).toEqual([]);
    expect(diff.breaking).toEqual([{ rule: 'operation-removed', operation: 'GET /pet/findByTags', message: 'GET /pet/findByTags: operation removed' }]);
  });

  it("a removed operation in GitHub's description is found among 1,000+ (and an added one is not breaking)", () => {
    const [before, after] = edited((d) => {
      delete d.paths['/repos/{owner}/{repo}/issues'].post;
      d.paths['/repos/{owner}/{repo}/issues/archive'] = { post: { responses: { '204': { description: 'Archived' } } } };
    }, github);
    const diff = diffOpenApi(before, after);
    expect(diff.removed).toEqual([{ method: 'POST', path: '/repos/{owner}/{repo}/issues' }]);
    expect(diff.added).toEqual([{ method: 'POST', path: '/repos/{owner}/{repo}/issues/archive' }]);
    expect(diff.breaking.map((c) => c.message)).toEqual(['POST /repos/{owner}/{repo}/issues: operation removed']);
  });

  it('a renamed path parameter is the same operation, not one removed and one added', () => {
    const [before, after] = edited((d) => {
      d.paths['/pet/{id}'] = d.paths['/pet/{petId}'];
      delete d.paths['/pet/{petId}'];
      for (const op of Object.values(d.paths['/pet/{id}']) as Editable[]) for (const p of op.parameters ?? []) if (p.name === 'petId') p.name = 'id';
    });
    expect(diffOpenApi(before, after)).toMatchObject({ added: [], removed: [] });
  });

  it('a parameter that became required, and a new required one', () => {
    const [before, after] = edited((d) => {
      d.paths['/pet/{petId}'].delete.parameters.find((p: Editable) => p.name === 'api_key').required = true;
      d.paths['/store/inventory'].get.parameters = [{ name: 'warehouse', in: 'query', required: true, schema: { type: 'string' } }];
    });
    expect(messages(before, after)).toEqual(['DELETE /pet/{petId}: header parameter "api_key" became required', 'GET /store/inventory: new required query parameter "warehouse"']);
  });

  it('a request body property that became required, found through the $ref to #/components/schemas/Pet', () => {
    const [before, after] = edited((d) => d.components.schemas.Pet.required.push('status'));
    // PUT and POST /pet take a Pet (JSON, XML and form bodies): said once per operation. POST answers no Pet (405 only).
    expect(messages(before, after)).toEqual(['PUT /pet: request body property "status" became required', 'POST /pet: request body property "status" became required']);
  });

  it('a removed response property, nested and through $refs (in arrays too)', () => {
    // PUT and POST /pet answer no body in this document, so only the three readers of a Pet are affected.
    const [before, after] = edited((d) => delete d.components.schemas.Category.properties.name);
    expect(messages(before, after)).toEqual([
      'GET /pet/findByStatus: response 200 no longer has property "[].category.name"',
      'GET /pet/findByTags: response 200 no longer has property "[].category.name"',
      'GET /pet/{petId}: response 200 no longer has property "category.name"',
    ]);
  });

  it('a narrowed enum on a query parameter (array items) and on a body property', () => {
    const [before, after] = edited((d) => {
      d.paths['/pet/findByStatus'].get.parameters[0].schema.items.enum = ['available', 'pending'];
      d.components.schemas.Order.properties.status.enum = ['placed', 'approved'];
    });
    expect(messages(before, after)).toEqual(['GET /pet/findByStatus: query parameter "status" no longer accepts "sold"', 'POST /store/order: request body property "status" no longer accepts "delivered"']);
  });

  it('a narrowed type: a number parameter that now takes integers only', () => {
    const [before, after] = edited((d) => {
      d.paths['/store/order/{orderId}'].get.parameters[0].schema = { type: 'integer', format: 'int64' };
    }, withNumberOrderId());
    expect(messages(before, after)).toEqual(['GET /store/order/{orderId}: path parameter "orderId" no longer accepts number (now integer)']);
  });

  it('widening a type (integer to number) breaks nobody', () => {
    const [before, after] = edited((d) => {
      d.paths['/store/order/{orderId}'].get.parameters[0].schema = { type: 'number' };
    });
    expect(messages(before, after)).toEqual([]);
  });

  it('changed authentication: an operation that took an API key now needs OAuth', () => {
    const [before, after] = edited((d) => {
      d.paths['/pet/{petId}'].get.security = [{ petstore_auth: ['read:pets'] }];
    });
    expect(messages(before, after)).toEqual(['GET /pet/{petId}: authentication changed from api_key to petstore_auth (read:pets)']);
  });

  it('changed authentication: a scheme sent another way under the same name', () => {
    const [before, after] = edited((d) => {
      d.components.securitySchemes.api_key.in = 'query';
    });
    expect(messages(before, after)).toEqual(['security scheme "api_key" changed from apiKey in header "api_key" to apiKey in query "api_key"']);
  });

  it('adding an alternative way to authenticate breaks nobody', () => {
    const [before, after] = edited((d) => {
      d.paths['/pet/{petId}'].get.security = [{ api_key: [] }, { petstore_auth: ['read:pets'] }];
    });
    expect(messages(before, after)).toEqual([]);
  });
});

function withNumberOrderId(): Json {
  const doc = example('petstore.json') as Editable;
  doc.paths['/store/order/{orderId}'].get.parameters[0].schema = { type: 'number' };
  return doc;
}

describe('properties over generated edits', () => {
  const docs = ['petstore.json', 'uspto.json', 'star-trek.json', 'schema-enums.json', 'security.json', 'circular.json'].map(example);

  it('a document compared with itself has no changes, whatever real document and whatever edit made it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...docs), fc.nat(), fc.string(), (base, pick, value) => {
        // Any edit, applied to both sides: what is compared is a document with itself.
        const doc = structuredClone(base) as Editable;
        const paths = Object.keys(doc.paths);
        const item = doc.paths[paths[pick % paths.length] as string];
        for (const op of Object.values(item) as Editable[]) if (op && typeof op === 'object') op.description = value;
        expect(diffOpenApi(doc, structuredClone(doc))).toEqual({ added: [], removed: [], breaking: [] });
      }),
      { numRuns: 60 },
    );
  });

  it('removing any operation of a real document is reported as exactly that operation removed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...docs), fc.nat(), (base, pick) => {
        const after = structuredClone(base) as Editable;
        const ops = Object.entries(after.paths).flatMap(([p, item]) => Object.keys(item as object).filter((m) => /^(get|put|post|delete|patch|head|options|trace)$/.test(m)).map((m) => [p, m] as const));
        const [p, m] = ops[pick % ops.length] ?? ['', ''];
        delete after.paths[p][m];
        const diff = diffOpenApi(base, after);
        expect(diff.removed).toEqual([{ method: m.toUpperCase(), path: p }]);
        expect(diff.breaking).toEqual([{ rule: 'operation-removed', operation: `${m.toUpperCase()} ${p}`, message: `${m.toUpperCase()} ${p}: operation removed` }]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('a document built to make the diff walk forever', () => {
  it('ends quickly and says the comparison is incomplete (12 schemas of 40 properties each referencing the next: 40^12 paths)', () => {
    const schemas: Record<string, unknown> = {};
    for (let i = 0; i < 12; i++) {
      const next = i < 11 ? { $ref: `#/components/schemas/S${i + 1}` } : { type: 'string' };
      schemas[`S${i}`] = { type: 'object', properties: Object.fromEntries(Array.from({ length: 40 }, (_, p) => [`p${p}`, next])) };
    }
    const doc = {
      openapi: '3.0.3',
      info: { title: 'fan-out', version: '1' },
      components: { schemas },
      paths: { '/x': { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/S0' } } } }, responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/S0' } } } } } } } },
    };
    const started = performance.now();
    const diff = diffOpenApi(doc, structuredClone(doc));
    expect(diff).toMatchObject({ added: [], removed: [], incomplete: true });
    // Not a timing assertion on the machine's speed: unbounded, this walk would not end within the test's timeout.
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
