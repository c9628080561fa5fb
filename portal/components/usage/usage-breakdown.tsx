import type { ReactNode } from 'react';
import type { UsageShare } from '@/lib/client/use-usage';
import { FiguresTable } from './figures-table';
import { formatErrorRate, formatMs } from './usage-format';

export interface BreakdownColumn<R> {
  header: string;
  cell: (row: R) => ReactNode;
}

const HEADERS = ['Requests', 'Error rate', 'p95', '429'];

/** A range's figures split by one dimension, one row a part, with any columns a view adds after the common ones. */
export function UsageBreakdown<R extends UsageShare>({ title, dimension, rows, extraColumns = [], note, testId }: {
  title: string;
  /** The first column's header: what a row is (Application, Environment, Gateway). */
  dimension: string;
  rows: R[];
  extraColumns?: BreakdownColumn<R>[];
  note?: ReactNode;
  testId: string;
}) {
  return (
    <section className="mt-6" aria-label={title}>
      <h3 className="text-sm font-semibold text-zinc-900">{title}</h3>
      {note && <p className="mt-0.5 text-xs text-zinc-500">{note}</p>}
      <FiguresTable headers={[dimension, ...HEADERS, ...extraColumns.map((c) => c.header)]} testId={testId} empty={rows.length === 0}>
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row" className="px-2 py-2 font-medium text-zinc-900">
              {r.name}
            </th>
            <td className="px-2 py-2">{r.totals.requests.toLocaleString()}</td>
            <td className="px-2 py-2">{formatErrorRate(r.totals.errorRate)}</td>
            <td className="px-2 py-2">{formatMs(r.totals.p95)}</td>
            <td className="px-2 py-2">{r.totals.throttled.toLocaleString()}</td>
            {extraColumns.map((c) => (
              <td key={c.header} className="px-2 py-2">
                {c.cell(r)}
              </td>
            ))}
          </tr>
        ))}
      </FiguresTable>
    </section>
  );
}
