import type { IncomingMessage } from 'node:http';
import { parseRequestTarget } from '../src/proxy/canonical-path';
import { buildUpstreamHeaders } from '../src/proxy/forward-headers';
import { judgeFraming } from '../src/proxy/request-framing';

/**
 * What the issue #12 checks cost per request, in isolation: framing judgement, request-target canonicalisation, and
 * building the upstream headers (the last replaced in-place patching, so only its difference is new cost). Run with
 * `npx tsx sidecar/bench/checks-micro.ts`; it prints ns per call, best of 5 rounds of 1M calls.
 */
const rawHeaders = ['Host', 'api.example.com', 'User-Agent', 'curl/8.5.0', 'Accept', '*/*', 'x-api-key', 'gk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  'Content-Type', 'application/json', 'Content-Length', '42', 'Connection', 'keep-alive'];
const headers: Record<string, string> = {};
for (let i = 0; i < rawHeaders.length; i += 2) headers[(rawHeaders[i] as string).toLowerCase()] = rawHeaders[i + 1] as string;
const req = { rawHeaders, headers, httpVersionMinor: 1 } as unknown as IncomingMessage;
const target = '/weather/v1/forecast/paris/2026-12-05?units=metric&lang=en';
const hop = { peer: '10.1.2.3', peerTrusted: false, localPort: 8080 };
const identity = { appId: 'app-1', apiId: 'weather', requestId: '6f1c9c1e-5d0b-4a55-9d5e-3f1c2b7a9e10' };
const presented = { source: 'x-api-key' as const, key: 'gk_x' };

function measure(name: string, fn: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  let sink: unknown;
  for (let round = 0; round < 5; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < 1_000_000; i++) sink = fn();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1_000_000);
  }
  if (sink === undefined) throw new Error('unreachable');
  process.stdout.write(`${name.padEnd(28)} ${best.toFixed(0).padStart(6)} ns/request\n`);
  return best;
}

const total =
  measure('judgeFraming', () => judgeFraming(req)) +
  measure('parseRequestTarget', () => parseRequestTarget(target)) +
  measure('buildUpstreamHeaders', () => buildUpstreamHeaders(req, presented, identity, hop));
process.stdout.write(`${'all three'.padEnd(28)} ${total.toFixed(0).padStart(6)} ns/request\n`);
