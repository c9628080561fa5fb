'use client';

import dynamic from 'next/dynamic';
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
import { EnvironmentList } from './environment-list';
import { SubscribePanel } from './subscribe-panel';
import { TierList } from './tier-list';
import { TryItPanel } from './try-it/try-it-panel';

// Scalar is a large client-only bundle (it renders with Vue inside); loading it apart keeps the page's first paint fast.
const ApiDocs = dynamic(() => import('./api-docs'), {
  ssr: false,
  loading: () => <div className="h-96 animate-pulse rounded-lg bg-zinc-100" role="status" aria-busy="true" aria-label="Loading the API reference" />,
});

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
      <section className="mt-8" aria-labelledby="reference-heading">
        <h2 id="reference-heading" className="mb-3 text-lg font-semibold text-zinc-900">
          Reference
        </h2>
        <div className="overflow-hidden rounded-xl border border-zinc-200 bg-white">
          {documentError ? (
            <div className="p-5">
              <LoadError error={documentError} what="the API reference" />
            </div>
          ) : document ? (
            <ApiDocs document={document} environments={api.environments} environmentId={envId} apiKey={apiKey} />
          ) : (
            <div className="h-96 animate-pulse bg-zinc-100" role="status" aria-busy="true" aria-label="Loading the API reference" />
          )}
        </div>
      </section>
    </>
  );
}
