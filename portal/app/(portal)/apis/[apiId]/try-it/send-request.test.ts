import { describe, expect, it } from 'vitest';
import { toCurl } from './curl';
import { requestUrl } from './send-request';

const base = { baseUrl: 'http://127.0.0.1:8080/books/v1/', query: {} };

describe('requestUrl', () => {
  it('fills path parameters, each as one encoded segment', () => {
    expect(requestUrl({ ...base, path: '/books/{id}', pathParams: { id: 'a b/c' } })).toBe('http://127.0.0.1:8080/books/v1/books/a%20b%2Fc');
  });

  it('refuses a dot-segment value, which URL parsing would resolve out of the API path even encoded', () => {
    expect(() => requestUrl({ ...base, path: '/books/{id}', pathParams: { id: '..' } })).toThrow(/cannot be “\.\.”/);
    expect(() => requestUrl({ ...base, path: '/books/{id}', pathParams: { id: '.' } })).toThrow(RangeError);
  });

  it('adds only non-empty query parameters', () => {
    expect(requestUrl({ ...base, path: '/books', pathParams: {}, query: { q: 'go', page: '' } })).toBe('http://127.0.0.1:8080/books/v1/books?q=go');
  });
});

describe('toCurl', () => {
  it('writes a pasteable command with the key header and a single-quoted body', () => {
    const curl = toCurl({ ...base, method: 'POST', path: '/books', pathParams: {}, body: `{"title": "It's here"}`, apiKey: 'gk_x' });
    expect(curl).toBe(
      [`curl 'http://127.0.0.1:8080/books/v1/books'`, '-X POST', `-H 'x-api-key: gk_x'`, `-H 'content-type: application/json'`, `--data '{"title": "It'\\''s here"}'`].join(' \\\n  '),
    );
  });

  it('leaves a placeholder when no key is entered yet and sends no body on a GET', () => {
    expect(toCurl({ ...base, method: 'GET', path: '/books', pathParams: {}, body: '{}', apiKey: '' })).toBe(`curl 'http://127.0.0.1:8080/books/v1/books' \\\n  -H 'x-api-key: <your key>'`);
  });
});
