import { CacheIndex } from '../../src/cache/cache-index';
import type { PresentedKey } from '../../src/verify/extract-api-key';
import { verifyRequest } from '../../src/verify/verify-request';
import { percentile } from '../support/stats';
import { BENCH_API_ID, generateWorld } from '../support/world';

/**
 * The key verdict alone (format + checksum, SHA-256, hash lookup, expiry, subscription, tier) against an index of
 * N keys, in microseconds per call. Run with --expose-gc so the index's own heap can be measured. Prints one JSON line.
 */
function main(): void {
  const keyCount = Number(process.argv[2]);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const world = generateWorld(keyCount, 'http://127.0.0.1:1/api');
  const index = new CacheIndex();
  for (const change of world.changes) index.apply(change);
  const presented: PresentedKey[] = world.loadKeys.map((key) => ({ key, source: 'x-api-key' }));
  world.changes.length = 0;
  gc?.();
  const indexBytesPerKey = (process.memoryUsage().heapUsed - heapBefore) / keyCount;

  const now = Date.now();
  let accepted = 0;
  const verify = (p: PresentedKey) => {
    if (verifyRequest({ presented: p, apiId: BENCH_API_ID, index, now }).ok) accepted += 1;
  };
  // Warm up the JIT, then time single calls (the distribution) and batches (the steady state, timer cost amortised).
  for (let i = 0; i < 50_000; i++) verify(presented[i % presented.length] as PresentedKey);
  const single: number[] = [];
  for (let i = 0; i < 100_000; i++) {
    const p = presented[(i * 7) % presented.length] as PresentedKey;
    const t0 = process.hrtime.bigint();
    verify(p);
    single.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  const batches: number[] = [];
  for (let b = 0; b < 200; b++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < presented.length; i++) verify(presented[i] as PresentedKey);
    batches.push(Number(process.hrtime.bigint() - t0) / 1000 / presented.length);
  }
  if (accepted !== 50_000 + 100_000 + 200 * presented.length) throw new Error(`only ${accepted} verdicts accepted: the bench world is wrong`);
  process.stdout.write(`${JSON.stringify({
    keys: keyCount,
    singleCallUs: { p50: percentile(single, 50), p99: percentile(single, 99) },
    batchMedianUsPerCall: percentile(batches, 50),
    indexBytesPerKey: gc ? indexBytesPerKey : null,
  })}\n`);
}

main();
