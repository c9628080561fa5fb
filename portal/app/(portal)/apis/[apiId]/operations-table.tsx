import { MethodBadge } from '@/components/method-badge';
import type { Operation } from '@/lib/client/types';

export function OperationsTable({ operations }: { operations: Operation[] }) {
  if (operations.length === 0) return <p className="text-sm text-zinc-600">This API does not list its operations.</p>;
  return (
    // The table scrolls sideways on phones rather than squeezing paths into unreadable wraps.
    <div className="relative -mx-5 -my-4 overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="bg-zinc-50 text-xs tracking-wide text-zinc-500 uppercase">
          <tr>
            <th scope="col" className="w-24 px-5 py-2 font-medium">
              Method
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Path
            </th>
            <th scope="col" className="px-5 py-2 font-medium">
              Summary
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {operations.map((op) => (
            <tr key={`${op.method} ${op.path}`}>
              <td className="px-5 py-2.5 align-top">
                <MethodBadge method={op.method} />
              </td>
              <td className="px-3 py-2.5 align-top font-mono text-xs whitespace-nowrap text-zinc-900 sm:text-sm">{op.path}</td>
              <td className="min-w-40 px-5 py-2.5 align-top text-zinc-600">{op.summary || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
