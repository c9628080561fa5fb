import type { AuditEvent } from '@/lib/client/admin-types';

const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' });

/** A short, readable summary of an event's detail (field names and values, no JSON braces). */
function summary(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
    .join(' · ');
}

export function AuditTable({ events, onTarget }: { events: AuditEvent[]; onTarget: (id: string) => void }) {
  if (events.length === 0) return <p className="text-sm text-zinc-600">No events.</p>;
  return (
    <div className="-mx-5 -my-4 overflow-x-auto">
      <table className="w-full min-w-[48rem] text-left text-sm" data-testid="audit-table">
        <thead className="text-xs text-zinc-500 uppercase">
          <tr>
            {['When', 'Who', 'What', 'Target', 'Detail'].map((c) => (
              <th key={c} className="px-5 py-3 font-medium">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {events.map((e) => (
            <tr key={e.id} data-testid="audit-row">
              <td className="px-5 py-3 whitespace-nowrap text-zinc-600">
                <time dateTime={e.createdAt}>{when.format(new Date(e.createdAt))}</time>
              </td>
              <td className="px-5 py-3 text-zinc-900">{e.actor.email}</td>
              <td className="px-5 py-3">
                <code className="text-zinc-800">{e.action}</code>
              </td>
              <td className="px-5 py-3">
                <button type="button" className="text-left text-indigo-700 hover:underline" onClick={() => onTarget(e.target.id)} title="Show only this target">
                  <span className="text-zinc-500">{e.target.type}</span> <code className="break-all">{e.target.id}</code>
                </button>
              </td>
              <td className="max-w-xs px-5 py-3 break-words text-zinc-600">{summary(e.detail)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
