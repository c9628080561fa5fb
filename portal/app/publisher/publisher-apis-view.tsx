'use client';

import Link from 'next/link';
import { buttonClass } from '@/components/button';
import { cardClass } from '@/components/card';
import { EmptyState } from '@/components/empty-state';
import { LoadError } from '@/components/load-error';
import { LoadingBlock } from '@/components/loading';
import { PageHeader } from '@/components/page-header';
import { useRequireSession } from '@/lib/client/use-require-session';
import { ApiStatusBadge } from './_lib/api-status-badge';
import { useManagedApis } from './_lib/hooks';

export function PublisherApisView() {
  const { session } = useRequireSession();
  const { apis, error, isLoading } = useManagedApis(Boolean(session));
  return (
    <>
      <PageHeader
        title="Your APIs"
        description="Import an OpenAPI document, publish it to the catalog and deploy it to your gateways."
        actions={
          <>
            <Link href="/publisher/approvals" className={buttonClass('secondary')}>
              Approvals
            </Link>
            <Link href="/publisher/apis/new" className={buttonClass('primary')}>
              Import API
            </Link>
          </>
        }
      />
      {error ? (
        <LoadError error={error} what="your APIs" />
      ) : !session || isLoading || !apis ? (
        <LoadingBlock rows={3} label="Loading your APIs" />
      ) : apis.length === 0 ? (
        <EmptyState title="No APIs yet">Import an OpenAPI 3.0 or 3.1 document to create your first API.</EmptyState>
      ) : (
        <ul className={`${cardClass} divide-y divide-zinc-100`}>
          {apis.map((a) => (
            <li key={a.id}>
              <Link href={`/publisher/apis/${a.id}`} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-5 py-4 hover:bg-zinc-50">
                <span className="min-w-0 font-medium wrap-anywhere text-zinc-900">
                  {a.name} <span className="text-zinc-500">{a.version}</span>
                </span>
                <ApiStatusBadge status={a.status} />
                <code className="text-sm text-zinc-600">{a.context}</code>
                <span className="ml-auto text-sm text-zinc-500">
                  {a.environmentIds?.length ?? 0} environment(s){a.pendingSubscriptions ? ` · ${a.pendingSubscriptions} pending` : ''}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
