import { describe, expect, it } from 'vitest';
import { header } from '../../test-support/http-message-parser';
import { useHostileWorld } from '../../test-support/hostile-world';
import { rawExchange, statusOf } from '../../test-support/raw-client';
import { REQUEST_ID_PATTERN } from '../request-ids';

/**
 * Request smuggling toward the pooled upstream (issue #12, vector 1). Each test writes the attack's bytes on a raw
 * socket and asserts what the recording upstream received: one request, its method, path and exact body, and no
 * request hidden in a body. The hidden request targets Echo, which the Weather-only key may not reach.
 */
const w = useHostileWorld();

const HIDDEN = 'GET /echo/smuggled HTTP/1.1\r\nHost: backend\r\nx-gatehouse-app-id: forged\r\n\r\n';
const chunked = (body: string) => `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;

async function send(head: string, body = '') {
  const lines = head.replace('KEY', w.weatherKey).trim().split('\n').join('\r\n');
  return rawExchange(w.port, `${lines}\r\n\r\n${body}`, { methods: [head.split(' ')[0] ?? ''] });
}

/** Exactly one request arrived, on the admitted path, with exactly this body, and nothing else followed it. */
function expectExactlyOne(method: string, target: string, body: string) {
  expect(w.upstream.received.map((r) => `${r.method} ${r.target}`)).toEqual([`${method} ${target}`]);
  expect(w.upstream.received[0]?.body.toString('latin1')).toBe(body);
  expect(w.upstream.garbage).toEqual([]);
}

describe('the sidecar owns framing toward the upstream', () => {
  // POST is re-chunked by Node's client when its framing is deleted; GET and DELETE bodies went out unframed.
  for (const method of ['GET', 'DELETE', 'POST']) {
    it(`${method}: Connection: content-length cannot unframe a body`, async () => {
      const answer = await send(`${method} /weather/v1/x HTTP/1.1\nHost: gw\nx-api-key: KEY\nContent-Length: ${HIDDEN.length}\nConnection: content-length`, HIDDEN);
      expect(statusOf(answer.responses[0])).toBe(200);
      expectExactlyOne(method, '/weather/x', HIDDEN);
    });

    it(`${method}: Connection: transfer-encoding cannot unframe a chunked body`, async () => {
      const answer = await send(`${method} /weather/v1/x HTTP/1.1\nHost: gw\nx-api-key: KEY\nTransfer-Encoding: chunked\nConnection: transfer-encoding`, chunked(HIDDEN));
      expect(statusOf(answer.responses[0])).toBe(200);
      expectExactlyOne(method, '/weather/x', HIDDEN);
    });
  }

  for (const method of ['DELETE', 'OPTIONS', 'GET', 'HEAD']) {
    it(`${method} with Transfer-Encoding: chunked carries its body framed, never a hidden request`, async () => {
      const answer = await send(`${method} /weather/v1/x HTTP/1.1\nHost: gw\nx-api-key: KEY\nTransfer-Encoding: chunked`, chunked(HIDDEN));
      expect(statusOf(answer.responses[0])).toBe(200);
      expectExactlyOne(method, '/weather/x', HIDDEN);
    });

    it(`${method} with Content-Length carries its body framed`, async () => {
      await send(`${method} /weather/v1/x HTTP/1.1\nHost: gw\nx-api-key: KEY\nContent-Length: ${HIDDEN.length}`, HIDDEN);
      expectExactlyOne(method, '/weather/x', HIDDEN);
    });
  }

  it('Connection naming host or gateway-set headers removes none of them', async () => {
    await send('GET /weather/v1/x HTTP/1.1\nHost: gw\nx-api-key: KEY\nConnection: host, x-gatehouse-app-id, x-forwarded-for, x-gatehouse-request-id, keep-alive');
    const [seen] = w.upstream.received;
    expect(seen && header(seen, 'host')).toBe(`127.0.0.1:${w.upstream.port}`);
    expect(seen && header(seen, 'x-gatehouse-app-id')).toBe('app-w');
    expect(seen && header(seen, 'x-gatehouse-request-id')).toMatch(REQUEST_ID_PATTERN);
    expect(seen && header(seen, 'x-forwarded-for')).toBe('127.0.0.1');
    expect(seen?.headers.filter(([n]) => n === 'connection' || n === 'keep-alive').length).toBe(1);
  });

  it('a body reaches the upstream once, with its exact bytes, whatever its size and the client framing', async () => {
    const body = 'x'.repeat(70_000);
    await send(`PUT /weather/v1/big HTTP/1.1\nHost: gw\nx-api-key: KEY\nTransfer-Encoding: chunked`, chunked(body));
    expectExactlyOne('PUT', '/weather/big', body);
  });
});

describe('ambiguous framing is refused with 400 before routing, and the connection is closed', () => {
  const cases: Record<string, string> = {
    'Content-Length and Transfer-Encoding together': `Content-Length: 5\nTransfer-Encoding: chunked`,
    'two Content-Length headers': 'Content-Length: 5\nContent-Length: 5',
    'a Content-Length list': 'Content-Length: 5, 5',
    'an unknown coding before chunked': 'Transfer-Encoding: gzip, chunked',
    'an unknown coding alone': 'Transfer-Encoding: gzip',
    'chunked not last': 'Transfer-Encoding: chunked, identity',
    'Transfer-Encoding twice': 'Transfer-Encoding: chunked\nTransfer-Encoding: chunked',
    'an obs-fold continuation line': 'X-A: b\n  folded\nContent-Length: 5',
    'a space before the colon': 'Transfer-Encoding : chunked',
    'a bare CR inside a header': 'X-A: b\rc\nContent-Length: 5',
    'two Host headers': 'Host: other\nContent-Length: 5',
  };
  for (const [name, framing] of Object.entries(cases)) {
    it(`${name}: 400 problem+json, nothing upstream, and no pipelined request after it is read`, async () => {
      const answer = await send(`POST /weather/v1/x HTTP/1.1\nHost: gw\nx-api-key: KEY\n${framing}`, `5\r\nhello\r\n0\r\n\r\n${HIDDEN}`);
      expect(answer.responses.length).toBe(1);
      expect(statusOf(answer.responses[0])).toBe(400);
      expect(answer.responses[0] && header(answer.responses[0], 'content-type')).toBe('application/problem+json');
      expect(answer.responses[0] && header(answer.responses[0], 'connection')).toBe('close');
      expect(JSON.parse(answer.responses[0]?.body.toString() ?? '{}').code).toMatch(/^(AMBIGUOUS_FRAMING|BAD_REQUEST)$/);
      expect(w.upstream.received).toEqual([]);
    });
  }

  it('Transfer-Encoding on an HTTP/1.0 request is refused (RFC 9112 6.1)', async () => {
    const answer = await rawExchange(w.port, `POST /weather/v1/x HTTP/1.0\r\nHost: gw\r\nx-api-key: ${w.weatherKey}\r\nTransfer-Encoding: chunked\r\n\r\n${chunked('hello')}`);
    expect(statusOf(answer.responses[0])).toBe(400);
    expect(JSON.parse(answer.responses[0]?.body.toString() ?? '{}').code).toBe('AMBIGUOUS_FRAMING');
    expect(w.upstream.received).toEqual([]);
  });
});
