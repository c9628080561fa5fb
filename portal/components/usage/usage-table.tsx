import type { UsageBucket } from '@/lib/client/use-usage';
import { bucketLabel, formatMs as ms } from './usage-format';

/** The chart's numbers as a table, for screen readers and for people who want exact figures. */
export function UsageTable({ buckets, bucketMs }: { buckets: UsageBucket[]; bucketMs: number }) {
  const rows = buckets.filter((b) => b.total > 0).reverse();
  if (rows.length === 0) return <p className="py-6 text-center text-sm text-zinc-500">No requests in this period.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="usage-table">
        <thead className="text-xs uppercase tracking-wide text-zinc-500">
          <tr>
            {['Period', 'Requests', '2xx', '4xx', '5xx', '429', 'p50', 'p95'].map((h) => (
              <th key={h} className="px-2 py-2 font-medium">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {rows.map((b) => (
            <tr key={b.start}>
              <td className="px-2 py-2 whitespace-nowrap">{bucketLabel(b.start, bucketMs)}</td>
              <td className="px-2 py-2">{b.total}</td>
              <td className="px-2 py-2">{b.s2xx}</td>
              <td className="px-2 py-2">{b.s4xx}</td>
              <td className="px-2 py-2">{b.s5xx}</td>
              <td className="px-2 py-2">{b.throttled}</td>
              <td className="px-2 py-2">{ms(b.p50)}</td>
              <td className="px-2 py-2">{ms(b.p95)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
