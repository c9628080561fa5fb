import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { header } from '../../test-support/http-message-parser';
import { type HostileWorld, startHostileWorld } from '../../test-support/hostile-world';
import { rawExchange, statusOf } from '../../test-support/raw-client';
import { waitFor } from '../../test-support/wait-for';

/**
 * Limits that keep a normal client served (issue #12, vector 3): header size, body size per route, slow headers,
 * and a flood of idle connections past the cap. (The same flood against a real process with a low fd limit is in
 * fd-exhaustion.test.ts.)
 */
let w: HostileWorld;
afterEach(() => w.close());

const codeOf = (answer: Awaited<ReturnType<typeof rawExchange>>) => JSON.parse(answer.responses[0]?.body.toString() || '{}').code;

function openIdle(port: number, count: number, firstBytes = ''): Promise<net.Socket[]> {
  return Promise.all(
    Array.from({ length: count }, () => new Promise<net.Socket>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        if (firstBytes) socket.write(firstBytes);
        resolve(socket);
      });
      socket.on('error', () => {});
      // Read (and drop) what the server sends, or a paused socket never sees the server close it.
      socket.resume();
    })),
  );
}

describe('limits that keep a normal client served', () => {
  it('headers past --max-header-bytes are 431 problem+json and reach nothing', async () => {
    w = await startHostileWorld(['--max-header-bytes', '2048']);
    const answer = await rawExchange(w.port, `GET /weather/v1/x HTTP/1.1\r\nHost: gw\r\nx-api-key: ${w.weatherKey}\r\nx-big: ${'a'.repeat(4096)}\r\n\r\n`);
    expect(statusOf(answer.responses[0])).toBe(431);
    expect(codeOf(answer)).toBe('HEADERS_TOO_LARGE');
    expect(w.upstream.received).toEqual([]);
  });

  it('a body past the route cap is 413, declared or streamed, and no complete request reaches the backend', async () => {
    w = await startHostileWorld(['--max-body-bytes', '100', '--route-max-body-bytes', '/books/v1=1000']);
    const declared = await rawExchange(w.port, `POST /weather/v1/x HTTP/1.1\r\nHost: gw\r\nx-api-key: ${w.weatherKey}\r\nContent-Length: 101\r\n\r\n${'a'.repeat(101)}`);
    expect(statusOf(declared.responses[0])).toBe(413);
    expect(codeOf(declared)).toBe('BODY_TOO_LARGE');
    expect(declared.responses[0] && header(declared.responses[0], 'connection')).toBe('close');
    const body = 'b'.repeat(150);
    const streamed = await rawExchange(w.port, `POST /weather/v1/x HTTP/1.1\r\nHost: gw\r\nx-api-key: ${w.weatherKey}\r\nTransfer-Encoding: chunked\r\n\r\n${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`);
    expect(statusOf(streamed.responses[0])).toBe(413);
    const exact = await rawExchange(w.port, `POST /weather/v1/x HTTP/1.1\r\nHost: gw\r\nx-api-key: ${w.weatherKey}\r\nContent-Length: 100\r\n\r\n${'c'.repeat(100)}`);
    expect(statusOf(exact.responses[0])).toBe(200);
    expect(w.upstream.received.map((r) => r.body.toString())).toEqual(['c'.repeat(100)]);
  });

  it('a slow client that never finishes its headers is closed after --headers-timeout-ms', async () => {
    w = await startHostileWorld(['--headers-timeout-ms', '300']);
    const [slow] = await openIdle(w.port, 1, 'GET /weather/v1/x HTTP/1.1\r\nHost: gw\r\n');
    if (!slow) throw new Error('no socket');
    const closed = new Promise((resolve) => slow.on('close', resolve));
    await closed;
    expect(w.upstream.received).toEqual([]);
  });

  it('under a flood of idle and slow connections far past --max-connections, a normal client still gets its answer', async () => {
    w = await startHostileWorld(['--max-connections', '20']);
    const flood = [...(await openIdle(w.port, 150)), ...(await openIdle(w.port, 150, 'GET /weather/v1/x HTTP/1.1\r\nHost: gw\r\n'))];
    try {
      const answer = await rawExchange(w.port, `GET /weather/v1/normal HTTP/1.1\r\nHost: gw\r\nx-api-key: ${w.weatherKey}\r\n\r\n`);
      expect(statusOf(answer.responses[0])).toBe(200);
      expect(w.upstream.received.map((r) => r.target)).toEqual(['/weather/normal']);
      await waitFor(() => flood.filter((s) => !s.destroyed && !s.readableEnded).length <= 20, 'the flood to be shed to the cap');
    } finally {
      for (const socket of flood) socket.destroy();
    }
  });
});
