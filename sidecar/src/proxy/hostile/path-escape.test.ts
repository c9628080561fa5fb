import { describe, expect, it } from 'vitest';
import { header } from '../../test-support/http-message-parser';
import { useHostileWorld } from '../../test-support/hostile-world';
import { rawExchange, statusOf } from '../../test-support/raw-client';

/**
 * Path escapes (issue #12, vector 2): a Weather-only key must reach nothing but Weather's paths on a backend that
 * also serves Echo and Books. Each target is written raw (no client library normalises it) and the recording
 * upstream shows what reached the backend: nothing, for every refused spelling.
 */
const w = useHostileWorld();

async function get(target: string, method = 'GET') {
  const answer = await rawExchange(w.port, `${method} ${target} HTTP/1.1\r\nHost: gw\r\nx-api-key: ${w.weatherKey}\r\n\r\n`);
  const first = answer.responses[0];
  return { status: statusOf(first), code: first ? (JSON.parse(first.body.toString() || '{}') as { code?: string }).code : undefined, first };
}

describe('one canonical path, decided once', () => {
  const refused: Record<string, string> = {
    'backslash dot segments (the reported escape)': '/weather/v1/x\\..\\..\\echo\\hello',
    'a backslash alone': '/weather/v1\\..\\books',
    'encoded slash': '/weather/v1/..%2f..%2fecho/hello',
    'encoded slash, upper case': '/weather/v1/%2F..%2Fecho',
    'encoded backslash': '/weather/v1/..%5c..%5cecho',
    'encoded dots': '/weather/v1/%2e%2e/%2e%2e/echo',
    'mixed-case encoded dot': '/weather/v1/.%2E/echo',
    'double-encoded slash': '/weather/v1/..%252f..%252fecho',
    'double-encoded dot': '/weather/v1/%252e%252e/echo',
    'triple-encoded backslash': '/weather/v1/%25255c',
    'plain dot segments': '/weather/v1/../../echo/hello',
    'a single dot segment': '/weather/v1/./x',
    'a dot segment with a parameter (Tomcat)': '/weather/v1/..;/..;/echo',
    'an encoded NUL': '/weather/v1/x%00.json',
    'an encoded newline': '/weather/v1/x%0d%0aX-Injected:%201',
    'a malformed escape': '/weather/v1/x%zz',
    'an empty segment (scheme-relative on some backends)': '/weather/v1//evil.example/x',
    'a fragment': '/weather/v1/x#frag',
    'absolute-form': 'http://backend/echo/hello',
    'absolute-form naming the route': 'http://gw/weather/v1/x',
    'asterisk-form': '*',
  };
  for (const [name, target] of Object.entries(refused)) {
    it(`${name} is 400 BAD_REQUEST_TARGET and reaches nothing`, async () => {
      const answer = await get(target, target === '*' ? 'OPTIONS' : 'GET');
      expect(answer.status).toBe(400);
      expect(answer.code).toBe('BAD_REQUEST_TARGET');
      expect(answer.first && header(answer.first, 'content-type')).toBe('application/problem+json');
      expect(w.upstream.received).toEqual([]);
    });
  }

  it('control characters and non-ASCII bytes in the target are refused by the parser, also as problem+json', async () => {
    for (const target of ['/weather/v1/a\x01b', '/weather/v1/a\tb', '/weather/v1/caf\xc3\xa9']) {
      const answer = await get(target);
      expect(answer.status).toBe(400);
      expect(answer.code).toBe('BAD_REQUEST_TARGET');
    }
    expect(w.upstream.received).toEqual([]);
  });

  it('authority-form (CONNECT) never reaches the backend', async () => {
    const answer = await rawExchange(w.port, 'CONNECT backend:80 HTTP/1.1\r\nHost: backend:80\r\n\r\n');
    expect(answer.responses.every((r) => statusOf(r) !== 200)).toBe(true);
    expect(w.upstream.received).toEqual([]);
  });

  it('the path matched is byte for byte the path forwarded, after the base path, query kept', async () => {
    const target = "/weather/v1/caf%C3%A9/a%20b/~user/it's;v=1/@x:y?q=a%2Fb&r=%5c";
    const answer = await get(target);
    expect(answer.status).toBe(200);
    expect(w.upstream.received.map((r) => r.target)).toEqual(["/weather/caf%C3%A9/a%20b/~user/it's;v=1/@x:y?q=a%2Fb&r=%5c"]);
  });

  it('a Weather key stays on Weather: Echo and Books answer 403 without reaching the backend', async () => {
    expect((await get('/echo/v1/hello')).status).toBe(403);
    expect((await get('/books/v1/1')).status).toBe(403);
    expect(w.upstream.received).toEqual([]);
  });
});
