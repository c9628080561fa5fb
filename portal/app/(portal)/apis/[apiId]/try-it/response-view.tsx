import type { TryResponse } from './send-request';

const RATE_HEADERS = new Set(['ratelimit', 'ratelimit-policy', 'retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset']);

function statusTone(status: number): string {
  if (status < 300) return 'bg-emerald-100 text-emerald-800 ring-emerald-300';
  if (status < 500) return 'bg-amber-100 text-amber-900 ring-amber-300';
  return 'bg-red-100 text-red-800 ring-red-300';
}

/** What the gateway answered: status, time, headers (rate-limit ones first and marked) and the body. */
export function ResponseView({ response }: { response: TryResponse }) {
  const headers = [...response.headers].sort(([a], [b]) => Number(RATE_HEADERS.has(b)) - Number(RATE_HEADERS.has(a)));
  const rate = headers.filter(([name]) => RATE_HEADERS.has(name));
  return (
    <div className="space-y-3" data-testid="try-response">
      <div className="flex flex-wrap items-center gap-3">
        <span data-testid="try-status" className={`rounded-md px-2 py-0.5 font-mono text-sm font-semibold ring-1 ring-inset ${statusTone(response.status)}`}>
          {response.status} {response.statusText}
        </span>
        <span className="text-sm text-zinc-500">{response.ms} ms</span>
        <span className="min-w-0 truncate font-mono text-xs text-zinc-500" title={response.url}>
          {response.url}
        </span>
      </div>
      {rate.length > 0 ? (
        <dl className="flex flex-wrap gap-2 text-xs" data-testid="rate-limit-headers" aria-label="Rate limit">
          {rate.map(([name, value]) => (
            <div key={name} className="rounded-md bg-indigo-50 px-2 py-1 text-indigo-900 ring-1 ring-indigo-200 ring-inset">
              <dt className="inline font-semibold">{name}: </dt>
              <dd className="inline font-mono">{value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="text-xs text-zinc-500">The gateway sent no rate-limit headers with this answer.</p>
      )}
      <details className="rounded-md border border-zinc-200">
        <summary className="cursor-pointer px-3 py-1.5 text-sm font-medium text-zinc-700">Headers ({headers.length})</summary>
        <dl className="divide-y divide-zinc-100 border-t border-zinc-200 font-mono text-xs" data-testid="try-headers">
          {headers.map(([name, value]) => (
            <div key={name} className="flex gap-3 px-3 py-1">
              <dt className="w-44 shrink-0 text-zinc-500">{name}</dt>
              <dd className="min-w-0 break-all text-zinc-900">{value}</dd>
            </div>
          ))}
        </dl>
      </details>
      <pre data-testid="try-body" className="max-h-80 overflow-auto rounded-md bg-[#18181b] px-3 py-2.5 font-mono text-xs text-[#f4f4f5]">
        {response.body || '(empty body)'}
      </pre>
    </div>
  );
}
