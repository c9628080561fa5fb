'use client';

import Link from 'next/link';
import { useState } from 'react';
import Markdown from 'react-markdown';
import { Button } from '@/components/button';
import { Badge } from '@/components/badge';
import { Card } from '@/components/card';
import { LoadError } from '@/components/load-error';
import { LoadingBlock } from '@/components/loading';
import { PageHeader } from '@/components/page-header';
import { useRequireSession } from '@/lib/client/use-require-session';
import { ApiStatusBadge } from '../../_lib/api-status-badge';
import { useManagedApi } from '../../_lib/hooks';
import { ApiUsageSection } from './api-usage-section';
import { DeploymentsPanel } from './deployments-panel';
import { DocumentPanel } from './document-panel';
import { EditApiForm } from './edit-api-form';
import { LifecyclePanel } from './lifecycle-panel';
import { NewVersionForm } from './new-version-form';
import { TiersPanel } from './tiers-panel';

export function ManageApiView({ apiId }: { apiId: string }) {
  const { session } = useRequireSession();
  const { api, error, isLoading } = useManagedApi(apiId, Boolean(session));
  const [editing, setEditing] = useState(false);
  if (error) return <LoadError error={error} what="this API" />;
  if (!session || isLoading || !api) return <LoadingBlock rows={4} label="Loading the API" />;
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/publisher" className="hover:underline">Your APIs</Link>}
        title={`${api.name} ${api.version}`}
        badge={<span data-testid="api-status"><ApiStatusBadge status={api.status} /></span>}
        description={
          <>
            <code>{api.context}</code> → <code className="break-all">{api.backendUrl}</code>
            {api.requiresApproval && ' · subscriptions need approval'}
            {api.description && <span className="mt-1 block">{api.description}</span>}
            {api.tags.length > 0 && (
              <span className="mt-2 flex flex-wrap gap-1" data-testid="api-tags">
                {api.tags.map((t) => (
                  <Badge key={t}>{t}</Badge>
                ))}
              </span>
            )}
          </>
        }
        actions={
          !editing && api.status !== 'RETIRED' ? (
            <Button variant="secondary" onClick={() => setEditing(true)}>
              Edit details
            </Button>
          ) : undefined
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        {editing && <EditApiForm api={api} onDone={() => setEditing(false)} />}
        <DocumentPanel api={api} />
        <LifecyclePanel api={api} />
        <DeploymentsPanel api={api} />
        <TiersPanel api={api} />
        <Card title="Versions" description="A new version starts from this one: same settings and tiers, its own context path, and this document or a new one.">
          <ul className="mb-4 space-y-1 text-sm wrap-anywhere">
            {api.versions.map((v) => (
              <li key={v.id} className="flex flex-wrap items-center gap-2">
                <Link href={`/publisher/apis/${v.id}`} className="font-medium text-indigo-700 hover:underline">{v.version}</Link>
                <ApiStatusBadge status={v.status} />
                <code className="text-zinc-500">{v.context}</code>
              </li>
            ))}
          </ul>
          <NewVersionForm api={api} />
        </Card>
        <ApiUsageSection apiId={api.id} />
        <Card title="Operations" className="lg:col-span-2">
          <ul className="space-y-1 text-sm wrap-anywhere">
            {api.operations.map((o) => (
              <li key={`${o.method} ${o.path}`}>
                <span className="inline-block w-16 font-mono text-xs font-semibold text-zinc-700">{o.method}</span>
                <code>{o.path}</code> <span className="text-zinc-500">{o.summary}</span>
              </li>
            ))}
          </ul>
        </Card>
        {api.overview && (
          <Card title="Overview" className="lg:col-span-2">
            {/* No raw HTML: react-markdown without rehype-raw drops tags, so no script or event handler survives. */}
            <div className="prose prose-sm max-w-none">
              <Markdown skipHtml>{api.overview}</Markdown>
            </div>
          </Card>
        )}
      </div>
    </>
  );
}
