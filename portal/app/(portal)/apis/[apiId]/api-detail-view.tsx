'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Badge } from '@/components/badge';
import { Card } from '@/components/card';
import { EmptyState } from '@/components/empty-state';
import { LoadError } from '@/components/load-error';
import { LoadingBlock } from '@/components/loading';
import { PageHeader } from '@/components/page-header';
import { ApiError } from '@/lib/client/api-error';
import { useApi } from '@/lib/client/use-api';
import { useApiDocument } from '@/lib/client/use-api-document';
import { ApiOverview } from './api-overview';
import { ApiReferenceSection } from './api-reference-section';
import { EnvironmentList } from './environment-list';
import { SubscribePanel } from './subscribe-panel';
import { TierList } from './tier-list';
import { TryItPanel } from './try-it/try-it-panel';

export function ApiDetailView({ apiId }: { apiId: string }) {
  const { api, error, isLoading } = useApi(apiId);
  const { document, error: documentError } = useApiDocument(apiId);
  // The key lives in this page's memory only: shared by the console and the reference, gone on navigation.
  const [apiKey, setApiKey] = useState('');
  const [environmentId, setEnvironmentId] = useState('');

  if (error instanceof ApiError && error.status === 404) {
    return (
      <EmptyState title="API not found" action={<Link href="/" className="text-sm font-medium text-indigo-600 hover:underline">Back to the catalog</Link>}>
        It may have been retired, or the link is wrong.
      </EmptyState>
    );
  }
  if (error) return <LoadError error={error} what="this API" />;
  if (isLoading || !api) return <LoadingBlock rows={4} label="Loading API" />;
  const envId = environmentId || api.environments[0]?.id || '';

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
          {api.overview?.trim() && (
            <Card title="Overview">
              <ApiOverview markdown={api.overview} />
            </Card>
          )}
          <TryItPanel api={api} document={document} environmentId={envId} onEnvironment={setEnvironmentId} apiKey={apiKey} onKey={setApiKey} />
          <Card title="Base URLs" description="Call the API through the gateway of an environment, with your key in the x-api-key header.">
            <EnvironmentList environments={api.environments} />
          </Card>
        </div>
        <aside className="space-y-6 lg:sticky lg:top-24 lg:self-start">
          <SubscribePanel api={api} />
          <Card title="Tiers" description="A subscription’s tier sets its rate limit and quota.">
            <TierList tiers={api.tiers} />
          </Card>
        </aside>
      </div>
      <ApiReferenceSection document={document} documentError={documentError} environments={api.environments} environmentId={envId} apiKey={apiKey} />
    </>
  );
}
