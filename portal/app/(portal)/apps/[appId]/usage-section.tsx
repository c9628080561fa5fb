'use client';

import { useState } from 'react';
import { Card } from '@/components/card';
import { LoadError } from '@/components/load-error';
import { LoadingBlock } from '@/components/loading';
import { type UsageRange, type UsageTotals, useAppUsage } from '@/lib/client/use-usage';
import { UsageChart } from './usage-chart';
import { UsageTable } from './usage-table';

const RANGES: UsageRange[] = ['24h', '7d', '30d'];

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 px-3 py-2">
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="text-lg font-semibold text-zinc-900">{value}</dd>
    </div>
  );
}

function Stats({ totals }: { totals: UsageTotals }) {
  const ms = (v: number | null) => (v === null ? '—' : `${v} ms`);
  return (
    <dl className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="usage-totals">
      <Stat label="Requests" value={totals.requests.toLocaleString()} />
      <Stat label="Error rate" value={`${(totals.errorRate * 100).toFixed(1)}%`} />
      <Stat label="Latency p50" value={ms(totals.p50)} />
      <Stat label="Latency p95" value={ms(totals.p95)} />
      <Stat label="Rate limited (429)" value={totals.throttled.toLocaleString()} />
    </dl>
  );
}

export function UsageSection({ appId }: { appId: string }) {
  const [range, setRange] = useState<UsageRange>('24h');
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const { usage, error } = useAppUsage(appId, range);
  const toggle = (active: boolean) => `rounded-md px-2.5 py-1 text-sm ${active ? 'bg-zinc-900 text-zinc-50' : 'text-zinc-600 hover:bg-zinc-100'}`;
  return (
    <Card
      title="Usage"
      description="Requests through the gateways, as they report them (every few seconds)."
      actions={
        <div className="flex flex-wrap gap-2">
          <div role="group" aria-label="Period" className="flex gap-1">
            {RANGES.map((r) => (
              <button key={r} type="button" className={toggle(r === range)} aria-pressed={r === range} onClick={() => setRange(r)}>
                {r}
              </button>
            ))}
          </div>
          <div role="group" aria-label="View" className="flex gap-1">
            {(['chart', 'table'] as const).map((v) => (
              <button key={v} type="button" className={toggle(v === view)} aria-pressed={v === view} onClick={() => setView(v)}>
                {v === 'chart' ? 'Chart' : 'Table'}
              </button>
            ))}
          </div>
        </div>
      }
    >
      {error ? (
        <LoadError error={error} what="usage" />
      ) : !usage ? (
        <LoadingBlock rows={2} label="Loading usage" />
      ) : (
        <>
          <Stats totals={usage.totals} />
          {view === 'chart' ? <UsageChart buckets={usage.buckets} bucketMs={usage.bucketMs} /> : <UsageTable buckets={usage.buckets} bucketMs={usage.bucketMs} />}
        </>
      )}
    </Card>
  );
}
