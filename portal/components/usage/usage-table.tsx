import type { UsageBucket } from '@/lib/client/use-usage';
import { FiguresTable } from './figures-table';
import { bucketLabel, formatMs as ms } from './usage-format';

const HEADERS = ['Period', 'Requests', '2xx', '4xx', '5xx', '429', 'p50', 'p95'];

/** The chart's numbers as a table, for screen readers and for people who want exact figures. */
export function UsageTable({ buckets, bucketMs }: { buckets: UsageBucket[]; bucketMs: number }) {
  const rows = buckets.filter((b) => b.total > 0).reverse();
  return (
    <FiguresTable headers={HEADERS} testId="usage-table" empty={rows.length === 0}>
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
    </FiguresTable>
  );
}
