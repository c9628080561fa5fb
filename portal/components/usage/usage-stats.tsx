import type { ReactNode } from 'react';
import type { UsageTotals } from '@/lib/client/use-usage';
import { formatErrorRate, formatMs } from './usage-format';

export function UsageStat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 px-3 py-2">
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="text-lg font-semibold text-zinc-900">{value}</dd>
    </div>
  );
}

/** A range's headline figures; a view adds its own (such as quota used) as further UsageStat children. */
export function UsageStats({ totals, children }: { totals: UsageTotals; children?: ReactNode }) {
  return (
    <dl className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="usage-totals">
      <UsageStat label="Requests" value={totals.requests.toLocaleString()} />
      <UsageStat label="Error rate" value={formatErrorRate(totals.errorRate)} />
      <UsageStat label="Latency p50" value={formatMs(totals.p50)} />
      <UsageStat label="Latency p95" value={formatMs(totals.p95)} />
      <UsageStat label="Rate limited (429)" value={totals.throttled.toLocaleString()} />
      {children}
    </dl>
  );
}
