'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { UsageBucket } from '@/lib/client/use-usage';
import { bucketLabel } from './usage-format';

const SERIES = [
  { key: 's2xx', name: '2xx', color: '#10b981' },
  { key: 's3xx', name: '3xx', color: '#6366f1' },
  { key: 's4xx', name: '4xx', color: '#f59e0b' },
  { key: 's5xx', name: '5xx', color: '#ef4444' },
] as const;

/** Requests per bucket stacked by status class; hovering a bar shows the numbers. */
export function UsageChart({ buckets, bucketMs }: { buckets: UsageBucket[]; bucketMs: number }) {
  const data = buckets.map((b) => ({ ...b, label: bucketLabel(b.start, bucketMs) }));
  return (
    <div className="h-64 w-full" data-testid="usage-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e4e4e7" />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: '#71717a' }} interval="preserveStartEnd" minTickGap={24} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: '#71717a' }} />
          <Tooltip cursor={{ fill: '#f4f4f5' }} contentStyle={{ fontSize: 12, borderRadius: 8 }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {SERIES.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} stackId="status" fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
