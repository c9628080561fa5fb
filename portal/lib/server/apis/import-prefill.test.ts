import { describe, expect, it } from 'vitest';
import { apiFields } from './api-fields';
import { parseOperations } from './parse-operations';
import { plainDescription } from './plain-description';
import { suggestFromServers } from './server-suggestions';
import { deriveVersionLabel } from './version-label';

describe('version label from info.version', () => {
  it.each([
    ['2.0 (beta)', '2.0-beta'],
    ['1.0.0', '1.0.0'],
    ['v3', 'v3'],
    ['2022-11-28', '2022-11-28'],
    ['  1.2 / preview  ', '1.2-preview'],
    ['(draft)', 'draft'],
    ['1.0.', '1.0'],
    ['x'.repeat(60), 'x'.repeat(50)],
  ])('"%s" becomes "%s", which the version field accepts', (input, label) => {
    expect(deriveVersionLabel(input)).toBe(label);
    expect(apiFields.version.safeParse(label).success).toBe(true);
  });

  it('answers null when nothing usable is left, so the publisher is asked', () => {
    expect(deriveVersionLabel('')).toBeNull();
    expect(deriveVersionLabel('() / ...')).toBeNull();
  });
});

describe('plain description from info.description', () => {
  it('drops HTML, decodes entities and keeps the first paragraph', () => {
    expect(plainDescription('<h1>GitHub</h1><p>Use the REST API to <a href="x">build</a> apps &amp; more.</p>\n\nMore.')).toBe('GitHub\nUse the REST API to build apps & more.'.replace('\n', ' '));
  });

  it('cuts long text at a word boundary within the limit', () => {
    const out = plainDescription(`${'word '.repeat(200)}`, 500);
    expect(out.length).toBeLessThanOrEqual(500);
    expect(out.endsWith('word…')).toBe(true);
  });

  it('keeps markdown text as it is', () => {
    expect(plainDescription('The **pets** API. See [docs](https://example.com).')).toBe('The **pets** API. See [docs](https://example.com).');
  });
});

describe('operations of a stored document', () => {
  it('reads stored JSON and legacy YAML alike, and answers a repeated text from what it kept', () => {
    const json = JSON.stringify({ openapi: '3.1.0', paths: { '/a': { get: { summary: 'A', tags: ['x'] }, post: {} } } });
    const first = parseOperations(json);
    expect(first).toEqual([
      { method: 'GET', path: '/a', summary: 'A', operationId: null, tags: ['x'] },
      { method: 'POST', path: '/a', summary: '', operationId: null, tags: [] },
    ]);
    // A different string object with the same text, as a second database read gives.
    expect(parseOperations(`${json} `.trimEnd())).toBe(first);
    expect(parseOperations('openapi: 3.0.3\npaths:\n  /b:\n    delete: {operationId: drop}\n')).toEqual([{ method: 'DELETE', path: '/b', summary: '', operationId: 'drop', tags: [] }]);
  });
});

describe('context and backend from servers', () => {
  it('an absolute server gives both, its variables filled with their defaults', () => {
    expect(suggestFromServers({ servers: [{ url: 'https://{region}.example.com/api/v3/', variables: { region: { default: 'eu' } } }] })).toEqual({ backendUrl: 'https://eu.example.com/api/v3', context: '/api/v3' });
  });

  it('a relative server suggests a context only; a bare host suggests a backend only', () => {
    expect(suggestFromServers({ servers: [{ url: '/v2' }] })).toEqual({ backendUrl: null, context: '/v2' });
    expect(suggestFromServers({ servers: [{ url: 'https://api.example.com' }] })).toEqual({ backendUrl: 'https://api.example.com', context: null });
  });

  it('no servers, or none usable, suggests nothing', () => {
    expect(suggestFromServers({})).toEqual({ backendUrl: null, context: null });
    expect(suggestFromServers({ servers: [{ url: 'ftp://files.example.com/x y' }, { url: 42 }] })).toEqual({ backendUrl: null, context: null });
  });
});
