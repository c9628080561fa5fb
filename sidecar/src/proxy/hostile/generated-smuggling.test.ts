import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { header } from '../../test-support/http-message-parser';
import { type HostileWorld, startHostileWorld } from '../../test-support/hostile-world';
import { rawExchange, statusOf } from '../../test-support/raw-client';

/**
 * The generated half of the hostile-HTTP suite: methods x framing headers x `Connection` tokens x header spellings x
 * path encodings, each request carrying a hidden second request in its body. The recording upstream is the oracle:
 * no request reaches it that the gateway did not admit (answered with the upstream's own response), none is hidden
 * in a body, and every admitted request arrives exactly once with its exact method, path and body.
 */
const CASES = Number(process.env.GATEHOUSE_HOSTILE_CASES ?? 10_000);
const PARALLEL = 48;

const framingArb = fc.constantFrom('none', 'length', 'chunked', 'length+chunked', 'length-twice', 'length-list', 'gzip,chunked', 'chunked,gzip', 'chunked-twice', 'http1.0+chunked', 'zero-length');
const spellingArb = fc.constantFrom((n: string) => n, (n: string) => n.toUpperCase(), (n: string) => n.replace(/(^|-)\w/g, (c) => c.toUpperCase()));
const connectionArb = fc.subarray(['content-length', 'transfer-encoding', 'host', 'x-gatehouse-app-id', 'x-forwarded-for', 'x-gatehouse-request-id', 'keep-alive', 'close', 'te', 'upgrade']);
const pathArb = fc.constantFrom(
  '/x', '/a/b?q=1', '/ok%20y', '/a;b=c', '/x\\..\\..\\echo\\h', '/..%2f..%2fecho', '/%2E%2E/echo', '/a%5cb', '/a%252fb', '/%25252e',
  '/./x', '/../echo', '/..;/echo', '//echo', '/a%00b', '/a%zz', '/a#b',
);
const caseArb = fc.record({
  method: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
  api: fc.constantFrom('weather', 'echo'),
  path: pathArb,
  framing: framingArb,
  spelling: spellingArb,
  connection: connectionArb,
  filler: fc.string({ maxLength: 40 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

let w: HostileWorld;
beforeAll(async () => {
  w = await startHostileWorld(['--keep-alive-timeout-ms', '1000']);
});
afterAll(() => w.close());

function rawRequest(c: Case, id: number): { bytes: string; body: string; admissible: boolean } {
  const hidden = `GET /echo/smuggled-${id} HTTP/1.1\r\nHost: backend\r\nx-case: ${id}\r\n\r\n`;
  const body = `${hidden}${c.filler}`;
  const te = c.spelling('transfer-encoding');
  const cl = c.spelling('content-length');
  const chunk = `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;
  const framings: Record<string, [string[], string]> = {
    none: [[], ''],
    'zero-length': [[`${cl}: 0`], ''],
    length: [[`${cl}: ${body.length}`], body],
    chunked: [[`${te}: chunked`], chunk],
    'length+chunked': [[`${cl}: ${body.length}`, `${te}: chunked`], chunk],
    'length-twice': [[`${cl}: ${body.length}`, `${cl}: ${body.length}`], body],
    'length-list': [[`${cl}: ${body.length}, ${body.length}`], body],
    'gzip,chunked': [[`${te}: gzip, chunked`], chunk],
    'chunked,gzip': [[`${te}: chunked, gzip`], chunk],
    'chunked-twice': [[`${te}: chunked`, `${te}: chunked`], chunk],
    'http1.0+chunked': [[`${te}: chunked`], chunk],
  };
  const [framingHeaders, payload] = framings[c.framing] as [string[], string];
  const version = c.framing === 'http1.0+chunked' ? 'HTTP/1.0' : 'HTTP/1.1';
  const lines = [`${c.method} /${c.api}/v1${c.path} ${version}`, 'Host: gw', `x-api-key: ${w.weatherKey}`, `x-case: ${id}`, ...framingHeaders];
  if (c.connection.length > 0) lines.push(`Connection: ${c.connection.join(', ')}`);
  const sentBody = c.framing === 'none' || c.framing === 'zero-length' ? '' : body;
  return { bytes: `${lines.join('\r\n')}\r\n\r\n${payload}`, body: sentBody, admissible: c.api === 'weather' };
}

describe('generated hostile requests', () => {
  it(`${CASES} generated requests: nothing unadmitted reaches the upstream, every admitted one exactly once`, async () => {
    const seed = Number(process.env.GATEHOUSE_HOSTILE_SEED ?? Date.now() % 2 ** 31);
    const cases = fc.sample(caseArb, { seed, numRuns: CASES });
    const proxied = new Map<number, { method: string; body: string; path: string }>();
    let next = 0;
    async function worker() {
      while (next < cases.length) {
        const id = next++;
        const c = cases[id] as Case;
        const { bytes, body } = rawRequest(c, id);
        const answer = await rawExchange(w.port, bytes, { methods: [c.method] });
        const first = answer.responses[0];
        // The upstream's own answer carries x-recorded: only then did the gateway admit and forward the request.
        if (first && statusOf(first) === 200 && header(first, 'x-recorded') !== undefined) proxied.set(id, { method: c.method, body, path: c.path });
      }
    }
    await Promise.all(Array.from({ length: PARALLEL }, worker));

    const byCase = new Map<string, number>();
    const unadmitted: string[] = [];
    for (const r of w.upstream.received) {
      const id = header(r, 'x-case') ?? 'none';
      byCase.set(id, (byCase.get(id) ?? 0) + 1);
      if (r.target.includes('smuggled') || !proxied.has(Number(id)) || header(r, 'x-gatehouse-app-id') !== 'app-w') unadmitted.push(`${id} ${r.method} ${r.target}`);
    }
    const wrong: string[] = [];
    for (const [id, expected] of proxied) {
      const arrived = w.upstream.received.filter((r) => header(r, 'x-case') === String(id));
      if (arrived.length !== 1 || arrived[0]?.method !== expected.method || arrived[0]?.body.toString('latin1') !== expected.body) {
        wrong.push(`${id}: ${arrived.length} arrivals ${JSON.stringify(cases[id])}`);
      }
    }
    console.log(`hostile-http generated suite: ${cases.length} cases, seed ${seed}, ${proxied.size} admitted, ${w.upstream.received.length} upstream requests, ${unadmitted.length} unadmitted, ${wrong.length} wrong`);
    expect(unadmitted).toEqual([]);
    expect(wrong).toEqual([]);
    expect(w.upstream.garbage).toEqual([]);
    // The generator reaches both sides of the gate: some requests are admitted and forwarded, most are refused.
    expect(proxied.size).toBeGreaterThan(CASES / 50);
  }, 120_000);
});
