import type { ReactNode } from 'react';

/**
 * A table that runs edge to edge inside a Card, with a column header row and a last, unlabelled actions column.
 * It scrolls sideways on narrow screens rather than squeezing its columns.
 */
export function CardTable({ columns, children }: { columns: readonly string[]; children: ReactNode }) {
  return (
    <div className="relative -mx-5 overflow-x-auto border-t border-zinc-100">
      <table className="w-full text-left text-sm">
        <thead className="bg-zinc-50 text-xs tracking-wide text-zinc-500 uppercase">
          <tr>
            {columns.map((col) => (
              <th key={col} scope="col" className="px-3 py-2 font-medium whitespace-nowrap first:pl-5">
                {col}
              </th>
            ))}
            <th scope="col" className="py-2 pr-5 pl-3">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">{children}</tbody>
      </table>
    </div>
  );
}
