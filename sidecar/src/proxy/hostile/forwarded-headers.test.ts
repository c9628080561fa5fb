import { afterEach, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../contract/key-format';
import { header, headerValues } from '../../test-support/http-message-parser';
import { type HostileWorld, startHostileWorld } from '../../test-support/hostile-world';
import { rawExchange, statusOf } from '../../test-support/raw-client';

/**
 * Gateway-owned headers (issue #12, vector 4): what the backend reads in `x-gatehouse-*`, `X-Forwarded-*` and
 * `Forwarded` comes from the sidecar, unless the peer is a configured trusted proxy.
 */
let w: HostileWorld;
afterEach(() => w.close());

const CLAIMS = [
  'X-Forwarded-For: 6.6.6.6',
  'x-forwarded-for: 7.7.7.7',
  'X-Forwarded-Host: evil.example',
  'X-Forwarded-Proto: https',
  'X-Forwarded-Port: 443',
  'Forwarded: for=6.6.6.6;host=evil.example;proto=https',
  'X-Real-IP: 6.6.6.6',
  'X-Gatehouse-App-Id: app-admin',
  'x-gatehouse-api-id: books',
  'X-GATEHOUSE-REQUEST-ID: forged',
  'X-Gatehouse-Anything: forged',
].join('\r\n');

async function sendWithClaims(key: string) {
  return rawExchange(w.port, `GET /weather/v1/x HTTP/1.1\r\nHost: gw.example:8080\r\nx-api-key: ${key}\r\n${CLAIMS}\r\n\r\n`);
}

describe('gateway-owned headers are the gateway\'s', () => {
  it("a client's forwarding and x-gatehouse-* headers are replaced, in any spelling", async () => {
    w = await startHostileWorld();
    const answer = await sendWithClaims(w.weatherKey);
    expect(statusOf(answer.responses[0])).toBe(200);
    const [seen] = w.upstream.received;
    if (!seen) throw new Error('nothing reached the upstream');
    expect(headerValues(seen, 'x-forwarded-for')).toEqual(['127.0.0.1']);
    expect(headerValues(seen, 'x-forwarded-host')).toEqual(['gw.example:8080']);
    expect(headerValues(seen, 'x-forwarded-proto')).toEqual(['http']);
    expect(headerValues(seen, 'x-forwarded-port')).toEqual([String(w.port)]);
    expect(headerValues(seen, 'forwarded')).toEqual(['for=127.0.0.1;host="gw.example:8080";proto=http']);
    expect(header(seen, 'x-real-ip')).toBeUndefined();
    expect(headerValues(seen, 'x-gatehouse-app-id')).toEqual(['app-w']);
    expect(headerValues(seen, 'x-gatehouse-api-id')).toEqual(['weather']);
    expect(header(seen, 'x-gatehouse-request-id')).toBe(answer.responses[0] && header(answer.responses[0], 'x-gatehouse-request-id'));
    expect(header(seen, 'x-gatehouse-anything')).toBeUndefined();
  });

  it('behind a trusted proxy the chain is appended to and the proxy\'s Host/Proto/Port are kept', async () => {
    w = await startHostileWorld(['--trusted-proxies', '127.0.0.0/8,::1/128']);
    await sendWithClaims(w.weatherKey);
    const [seen] = w.upstream.received;
    if (!seen) throw new Error('nothing reached the upstream');
    expect(headerValues(seen, 'x-forwarded-for')).toEqual(['6.6.6.6, 7.7.7.7, 127.0.0.1']);
    expect(headerValues(seen, 'x-forwarded-host')).toEqual(['evil.example']);
    expect(headerValues(seen, 'x-forwarded-proto')).toEqual(['https']);
    expect(headerValues(seen, 'forwarded')).toEqual(['for=6.6.6.6;host=evil.example;proto=https, for=127.0.0.1;host="gw.example:8080";proto=http']);
    expect(headerValues(seen, 'x-gatehouse-app-id')).toEqual(['app-w']);
  });

  it('the failed-authentication limit counts the forwarded client only behind a trusted proxy', async () => {
    // Untrusted: X-Forwarded-For is ignored, so rotating it does not buy a fresh allowance.
    w = await startHostileWorld();
    expect(await failuresUntilLimited((i) => `10.0.0.${i % 250}`)).toBeLessThanOrEqual(61);
    await w.close();
    // Trusted peer: each forwarded client has its own allowance, and one client is limited on its own.
    w = await startHostileWorld(['--trusted-proxies', '127.0.0.1/32']);
    expect(await failuresUntilLimited(() => '10.9.9.9')).toBeLessThanOrEqual(61);
    const other = await rawExchange(w.port, `GET /weather/v1/x HTTP/1.1\r\nHost: gw\r\nx-api-key: ${generateApiKey()}\r\nX-Forwarded-For: 10.8.8.8\r\n\r\n`);
    expect(statusOf(other.responses[0])).toBe(401);
  });
});

/** Sends bad keys until the address limiter answers 429; the count of attempts it took. */
async function failuresUntilLimited(forwardedFor: (i: number) => string): Promise<number> {
  for (let i = 1; i <= 200; i++) {
    const answer = await rawExchange(w.port, `GET /weather/v1/x HTTP/1.1\r\nHost: gw\r\nx-api-key: ${generateApiKey()}\r\nX-Forwarded-For: ${forwardedFor(i)}\r\n\r\n`);
    if (statusOf(answer.responses[0]) === 429) return i;
  }
  return Number.POSITIVE_INFINITY;
}
