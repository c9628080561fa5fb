'use client';

import Link from 'next/link';
import { EmptyState } from '@/components/empty-state';
import { LoadError } from '@/components/load-error';
import { LoadingBlock } from '@/components/loading';
import { PageHeader } from '@/components/page-header';
import { ApiError } from '@/lib/client/api-error';
import { formatDate } from '@/lib/client/format';
import { useApp } from '@/lib/client/use-app';
import { useRequireSession } from '@/lib/client/use-require-session';
import { DeleteAppButton } from './delete-app-button';
import { KeysSection } from './keys-section';
import { OAuthSection } from './oauth-section';
import { SubscriptionsSection } from './subscriptions-section';
import { UsageSection } from './usage-section';

export function AppDetailView({ appId }: { appId: string }) {
  const { session } = useRequireSession();
  const { app, error } = useApp(appId, Boolean(session));

  // Someone else's app answers 404 too (ids do not leak), so one message covers both cases.
  if (error instanceof ApiError && error.status === 404) {
    return (
      <EmptyState title="Application not found" action={<Link href="/apps" className="text-sm font-medium text-indigo-600 hover:underline">Back to your applications</Link>}>
        It may have been deleted, or it belongs to another account.
      </EmptyState>
    );
  }
  if (error) return <LoadError error={error} what="this application" />;
  if (!app) return <LoadingBlock rows={3} label="Loading application" />;

  return (
    <>
      <title>{`${app.name} · Gatehouse`}</title>
      <PageHeader
        eyebrow={
          <Link href="/apps" className="hover:text-zinc-800">
            ← Applications
          </Link>
        }
        title={app.name}
        description={app.description || `Created ${formatDate(app.createdAt)}`}
        actions={<DeleteAppButton app={app} />}
      />
      <div className="space-y-6">
        <SubscriptionsSection appId={app.id} appName={app.name} />
        <KeysSection appId={app.id} />
        <OAuthSection appId={app.id} />
        <UsageSection appId={app.id} />
      </div>
    </>
  );
}
