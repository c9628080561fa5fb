import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { readMessages } from '../../test-support/http-message-parser';
import { useHostileWorld } from '../../test-support/hostile-world';
import { rawExchange, statusOf } from '../../test-support/raw-client';
import { waitFor } from '../../test-support/wait-for';

/**
 * An upstream socket is never reused after a response the sidecar could not attribute: an answer that came before
 * the request was fully sent, or bytes after a response. Reused, such a socket would hand one client's bytes or
 * answer to the next client on the pool.
 */
const w = useHostileWorld([], (target) => (target.includes('early') ? 'answer-early' : target.includes('extra') ? 'answer-with-extra-bytes' : 'answer'));

const get = (path: string) => rawExchange(w.port, `GET ${path} HTTP/1.1\r\nHost: gw\r\nx-api-key: ${w.weatherKey}\r\n\r\n`);

describe('upstream sockets after a response they cannot attribute', () => {
  it('bytes after a response retire the socket: the next client gets its own answer on a new connection', async () => {
    const first = await get('/weather/v1/extra');
    expect(statusOf(first.responses[0])).toBe(200);
    const next = await get('/weather/v1/next');
    expect(JSON.parse(next.responses[0]?.body.toString() ?? '{}').note).toBe('ok');
    const [extra, following] = w.upstream.received;
    expect(following?.target).toBe('/weather/next');
    expect(following?.connection).not.toBe(extra?.connection);
  });

  it('an answer before the request body was fully sent retires the socket', async () => {
    const client = net.connect(w.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    client.on('data', (c: Buffer) => chunks.push(c));
    client.write(`POST /weather/v1/early HTTP/1.1\r\nHost: gw\r\nx-api-key: ${w.weatherKey}\r\nContent-Length: 10\r\n\r\nhello`);
    await waitFor(() => readMessages(Buffer.concat(chunks), 'response').messages.length === 1, 'the early answer');
    client.end('world');
    await new Promise((resolve) => client.on('close', resolve));
    const next = await get('/weather/v1/next');
    expect(JSON.parse(next.responses[0]?.body.toString() ?? '{}').note).toBe('ok');
    const early = w.upstream.received.find((r) => r.target === '/weather/early');
    const following = w.upstream.received.find((r) => r.target === '/weather/next');
    expect(following?.connection).not.toBe(early?.connection);
  });
});
