import { fmt, table } from './support/stats';

/** The portal load probe's line (portal/bench/load.ts); declared here because sidecar/ imports nothing from portal/. */
interface LoadStats {
  requests: number;
  errors: number;
  firstError: string | null;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}
export interface PortalLoadResult {
  users: number;
  durationS: number;
  configs: { replicas: number; catalog: LoadStats; apiPage: LoadStats; keyCreation: LoadStats }[];
  revocation: { revocations: number; missed: number; p50Ms: number; p99Ms: number; maxMs: number; creation: { p50Ms: number; p99Ms: number } } | null;
  skipped?: string;
}

export function printPortalLoad(r: PortalLoadResult, log: (line: string) => void): void {
  if (r.skipped) {
    log(`\nPortal under load: SKIPPED (${r.skipped})`);
    return;
  }
  log(`\nPortal under load on PostgreSQL: ${r.users} signed-in developers in closed loops, ${r.durationS} s per operation, round-robin over the replicas:`);
  const rows: string[][] = [];
  for (const c of r.configs) {
    for (const [name, s] of [['catalog (GET /apis)', c.catalog], ['API page data (API, document, apps)', c.apiPage], ['key creation (POST keys)', c.keyCreation]] as const) {
      rows.push([`${c.replicas} replica${c.replicas > 1 ? 's' : ''}: ${name}`, fmt(s.perSecond, 0), fmt(s.p50Ms), fmt(s.p95Ms), fmt(s.p99Ms), s.errors ? `${s.errors} (${s.firstError ?? ''})`.slice(0, 80) : '0']);
    }
  }
  log(table(['operation', 'per s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors'], rows));
  const v = r.revocation;
  if (v) {
    log(`\nRevocation across replicas (committed on replica 1, sidecar synced from replica 2), ${v.revocations} revocations, ${v.missed} not seen within 5 s:`);
    log(table(['from', 'p50 ms', 'p99 ms', 'max ms', 'target'], [
      ['revocation: commit -> first 401', fmt(v.p50Ms), fmt(v.p99Ms), fmt(v.maxMs), `p99 < 1 s: ${v.p99Ms < 1000 && v.missed === 0 ? 'met' : 'MISSED'}`],
      ['new key: created -> first 200', fmt(v.creation.p50Ms), fmt(v.creation.p99Ms), '', ''],
    ]));
  }
}
