'use client';

import Link from 'next/link';
import { Badge } from '@/components/badge';
import { Card } from '@/components/card';
import { EmptyState } from '@/components/empty-state';
import { LoadError } from '@/components/load-error';
import { LoadingBlock } from '@/components/loading';
import { PageHeader } from '@/components/page-header';
import { ApiError } from '@/lib/client/api-error';
import { useApi } from '@/lib/client/use-api';
import { EnvironmentList } from './environment-list';
import { OperationsTable } from './operations-table';
import { SubscribePanel } from './subscribe-panel';
import { TierList } from './tier-list';

export function ApiDetailView({ apiId }: { apiId: string }) {
  const { api, error, isLoading } = useApi(apiId);

  if (error instanceof ApiError && error.status === 404) {
    return (
      <EmptyState title="API not found" action={<Link href="/" className="text-sm font-medium text-indigo-600 hover:underline">Back to the catalog</Link>}>
        It may have been retired, or the link is wrong.
      </EmptyState>
    );
  }
  if (error) return <LoadError error={error} what="this API" />;
  if (isLoading || !api) return <LoadingBlock rows={4} label="Loading API" />;

  return (
    <>
      <title>{`${api.name} · Gatehouse`}</title>
      <PageHeader
        eyebrow={
          <Link href="/" className="hover:text-zinc-800">
            ← API catalog
          </Link>
        }
        title={api.name}
        badge={
          <div className="flex gap-2">
            <Badge mono tone="accent">
              {api.version}
            </Badge>
            {api.status === 'DEPRECATED' && <Badge tone="warning">Deprecated</Badge>}
          </div>
        }
        description={api.description}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
          <Card title="Base URLs" description="Call the API through the gateway of an environment, with your key in the x-api-key header.">
            <EnvironmentList environments={api.environments} />
          </Card>
          <Card title="Operations" description={`${api.operations.length} operation${api.operations.length === 1 ? '' : 's'}`}>
            <OperationsTable operations={api.operations} />
          </Card>
          <Card title="Tiers" description="Each subscription uses one tier, which sets its rate limit and quota.">
            <TierList tiers={api.tiers} />
          </Card>
        </div>
        <aside className="lg:sticky lg:top-24 lg:self-start">
          <SubscribePanel api={api} />
        </aside>
      </div>
    </>
  );
}
