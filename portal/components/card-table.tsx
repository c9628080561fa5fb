import type { ReactNode } from 'react';

/**
 * A table that runs edge to edge inside a Card, with a column header row and a last, unlabelled actions column.
 * It scrolls sideways on narrow screens rather than squeezing its columns; with `stackOnPhone` its rows become
 * cards there instead (each cell then shows its own label: give cells `data-label`, see `stackedCell`).
 */
export function CardTable({ columns, children, stackOnPhone = false }: { columns: readonly string[]; children: ReactNode; stackOnPhone?: boolean }) {
  return (
    <div className={`relative -mx-5 overflow-x-auto border-t border-zinc-100 ${stackOnPhone ? 'max-sm:mx-0 max-sm:border-t-0' : ''}`}>
      <table className={`w-full text-left text-sm ${stackOnPhone ? 'max-sm:block' : ''}`}>
        <thead className={`bg-zinc-50 text-xs tracking-wide text-zinc-500 uppercase ${stackOnPhone ? 'max-sm:hidden' : ''}`}>
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
        <tbody className={`divide-y divide-zinc-100 ${stackOnPhone ? 'max-sm:block max-sm:space-y-3 max-sm:divide-y-0' : ''}`}>{children}</tbody>
      </table>
    </div>
  );
}

/** Row and cell classes for a `stackOnPhone` table: a bordered card per row, each cell labelled by its data-label. */
export const stackedRow = 'max-sm:block max-sm:rounded-lg max-sm:border max-sm:border-zinc-200 max-sm:p-3';
export const stackedCell =
  "max-sm:flex max-sm:justify-between max-sm:gap-3 max-sm:py-1! max-sm:px-0! max-sm:before:content-[attr(data-label)] max-sm:before:text-xs max-sm:before:font-medium max-sm:before:text-zinc-500";
