import type { ReactNode } from 'react';

/** The frame every usage table shares: a header row, then rows of figures; it scrolls sideways on narrow screens. */
export function FiguresTable({ headers, testId, empty, children }: { headers: readonly string[]; testId: string; empty: boolean; children: ReactNode }) {
  if (empty) return <p className="py-6 text-center text-sm text-zinc-500">No requests in this period.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <thead className="text-xs tracking-wide text-zinc-500 uppercase">
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col" className="px-2 py-2 font-medium whitespace-nowrap">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 tabular-nums">{children}</tbody>
      </table>
    </div>
  );
}
