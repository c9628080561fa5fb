import { fmt, table } from './support/stats';

export interface VerdictResult {
  keys: number;
  singleCallUs: { p50: number; p99: number };
  batchMedianUsPerCall: number;
  indexBytesPerKey: number | null;
}
export interface SnapshotResult {
  keys: number;
  applyMs: number;
  fileMiB: number;
  coldStartMs: number;
  /** CPU time (user + system, all threads) the sidecar spent until that first 200. */
  coldStartCpuMs: number;
  rssMiB: number;
  peakRssMiB: number;
}
interface Spread {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}
export interface RevocationResult {
  revocations: number;
  missed: number;
  fromCommit: Spread;
  includingTransaction: Spread;
}

const verdictTarget = (r: VerdictResult) => (r.keys >= 1_000_000 ? `<= 10 us median: ${r.singleCallUs.p50 <= 10 ? 'met' : 'MISSED'}` : '');

export function printProbes(
  verdicts: VerdictResult[],
  snapshot: SnapshotResult | null,
  revocation: RevocationResult | null,
  log: (line: string) => void,
): void {
  if (verdicts.length > 0) {
    log('\nKey verdict alone (format + checksum, SHA-256, lookup, expiry, subscription, tier), one process, one core:');
    log(table(['keys', 'median us', 'p99 us', 'batch us/call', 'index bytes/key', 'target'],
      verdicts.map((v) => [v.keys.toLocaleString('en'), fmt(v.singleCallUs.p50, 2), fmt(v.singleCallUs.p99, 2), fmt(v.batchMedianUsPerCall, 2), fmt(v.indexBytesPerKey ?? Number.NaN, 0), verdictTarget(v)])));
  }
  if (snapshot) {
    const s = snapshot;
    log(`\nSnapshot of ${s.keys.toLocaleString('en')} keys (cache file ${fmt(s.fileMiB, 0)} MiB):`);
    log(table(['measure', 'value', 'target'], [
      ['applySync (SQLite commit + index)', `${fmt(s.applyMs / 1000, 2)} s`, `<= 10 s: ${s.applyMs <= 10_000 ? 'met' : 'MISSED'}`],
      ['cold start to first proxied 200 (portal unreachable)', `${fmt(s.coldStartMs / 1000, 2)} s`, `<= 2 s: ${s.coldStartMs <= 2000 ? 'met' : 'MISSED'}`],
      ['  of which the sidecar on CPU', `${fmt(s.coldStartCpuMs / 1000, 2)} s`, ''],
      ['RSS when serving', `${fmt(s.rssMiB, 0)} MiB (peak ${fmt(s.peakRssMiB, 0)})`, `<= 256 MiB: ${s.rssMiB <= 256 ? 'met' : 'MISSED'}`],
    ]));
  }
  if (revocation) {
    const r = revocation;
    log(`\nRevocation propagation while connected (the real portal process driven over REST + signed sync + real sidecar), ${r.revocations} revocations, ${r.missed} not seen within 5 s:`);
    log(table(['from', 'p50 ms', 'p99 ms', 'max ms', 'target'], [
      ['commit -> first 401', fmt(r.fromCommit.p50Ms), fmt(r.fromCommit.p99Ms), fmt(r.fromCommit.maxMs), `p99 < 1 s: ${r.fromCommit.p99Ms < 1000 && r.missed === 0 ? 'met' : 'MISSED'}`],
      ['revoke call sent (REST) -> first 401', fmt(r.includingTransaction.p50Ms), fmt(r.includingTransaction.p99Ms), fmt(r.includingTransaction.maxMs), ''],
    ]));
  }
}
