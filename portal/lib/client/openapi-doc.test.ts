import { describe, expect, it } from 'vitest';
import { type OpenApiDoc, tryOperations } from './openapi-doc';

const doc: OpenApiDoc = {
  openapi: '3.1.0',
  paths: {
    '/books/{id}/pages/{page}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', example: 'b1' } }],
      get: { parameters: [{ name: 'lang', in: 'query', schema: { enum: ['en', 'pt'] } }] },
    },
    '/books': {
      post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/NewBook' } } } } },
      put: { requestBody: { content: { 'application/json': { example: { title: 'As written' }, schema: { $ref: '#/components/schemas/NewBook' } } } } },
    },
    '/nodes': { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } } } },
  },
  components: {
    schemas: {
      NewBook: {
        type: 'object',
        properties: { title: { type: 'string', example: 'Refactoring' }, year: { type: 'integer', minimum: 1900 }, tags: { type: 'array', items: { type: 'string' } }, ebook: { type: 'boolean', default: true } },
      },
      Node: { type: 'object', properties: { name: { type: 'string' }, child: { $ref: '#/components/schemas/Node' } } },
    },
  },
};

const find = (method: string, path: string) => {
  const op = tryOperations(doc).find((o) => o.method === method && o.path === path);
  if (!op) throw new Error(`no ${method} ${path}`);
  return op;
};

describe('tryOperations', () => {
  it('lists every path parameter of the template, with the declared example or empty when undeclared', () => {
    expect(find('GET', '/books/{id}/pages/{page}').pathParams).toEqual([
      { name: 'id', required: true, example: 'b1' },
      { name: 'page', required: true, example: '' },
    ]);
    expect(find('GET', '/books/{id}/pages/{page}').query).toEqual([{ name: 'lang', required: false, example: 'en' }]);
  });

  it("prefills a body from the media type's example before the schema's", () => {
    expect(JSON.parse(find('PUT', '/books').bodyExample())).toEqual({ title: 'As written' });
  });

  it('builds a body from the referenced schema: examples, defaults, then a value of the right type', () => {
    expect(JSON.parse(find('POST', '/books').bodyExample())).toEqual({ title: 'Refactoring', year: 1900, tags: ['string'], ebook: true });
  });

  it('stops at a schema that refers to itself instead of recursing forever', () => {
    expect(JSON.parse(find('POST', '/nodes').bodyExample())).toEqual({ name: 'string' });
  });

  it('has no body text for an operation without a request body', () => {
    expect(find('GET', '/books/{id}/pages/{page}').hasBody).toBe(false);
    expect(find('GET', '/books/{id}/pages/{page}').bodyExample()).toBe('');
  });
});
