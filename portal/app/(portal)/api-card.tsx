import Link from 'next/link';
import { Badge } from '@/components/badge';
import { cardClass } from '@/components/card';
import type { ApiSummary } from '@/lib/client/types';

/**
 * A catalog entry: one per API, opening its preferred (newest published) version; the other versions are listed and
 * reachable from the API page's version switcher. The whole card is one link, so its accessible name starts with the
 * API's name.
 */
export function ApiCard({ api }: { api: ApiSummary }) {
  return (
    <Link
      href={`/apis/${encodeURIComponent(api.id)}`}
      data-testid="api-card"
      className={`${cardClass} group flex w-full flex-col p-5 transition hover:border-indigo-300 hover:shadow-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600`}
    >
      <div className="flex items-start justify-between gap-3">
        <h2 className="min-w-0 font-semibold wrap-anywhere text-zinc-900 group-hover:text-indigo-700">{api.name}</h2>
        <Badge mono>{api.version}</Badge>
      </div>
      <p className="mt-1 font-mono text-xs wrap-anywhere text-zinc-500">{api.context}</p>
      <p className="mt-3 line-clamp-3 flex-1 text-sm wrap-anywhere text-zinc-600">{api.description || 'No description yet.'}</p>
      {api.versions && api.versions.length > 1 && (
        <p className="mt-3 text-xs wrap-anywhere text-zinc-500" data-testid="api-card-versions">
          {api.versions.length} versions: {api.versions.map((v) => `${v.version}${v.status === 'DEPRECATED' ? ' (deprecated)' : ''}`).join(', ')}
        </p>
      )}
      {(api.tags.length > 0 || api.status === 'DEPRECATED' || api.requiresApproval) && (
        <div className="mt-4 flex flex-wrap gap-1.5">
          {api.status === 'DEPRECATED' && <Badge tone="warning">Deprecated</Badge>}
          {api.requiresApproval && <Badge tone="accent">Approval required</Badge>}
          {api.tags.map((tag) => (
            <Badge key={tag}>{tag}</Badge>
          ))}
        </div>
      )}
    </Link>
  );
}
