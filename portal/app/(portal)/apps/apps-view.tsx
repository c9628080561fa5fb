'use client';

import { Card } from '@/components/card';
import { EmptyState } from '@/components/empty-state';
import { LoadError } from '@/components/load-error';
import { LoadingBlock } from '@/components/loading';
import { PageHeader } from '@/components/page-header';
import { useApps } from '@/lib/client/use-apps';
import { useRequireSession } from '@/lib/client/use-require-session';
import { AppList } from './app-list';
import { CreateAppForm } from './create-app-form';

export function AppsView() {
  const { session } = useRequireSession();
  const { apps, error, isLoading } = useApps(Boolean(session));

  return (
    <>
      <PageHeader title="Applications" description="An application groups the API subscriptions and keys of one client, such as a mobile app or a backend service." />
      <div className="space-y-6">
        <Card title="New application">
          <CreateAppForm disabled={!session} />
        </Card>
        {error ? (
          <LoadError error={error} what="your applications" />
        ) : !session || isLoading || !apps ? (
          <LoadingBlock rows={2} label="Loading applications" />
        ) : apps.length === 0 ? (
          <EmptyState title="No applications yet">
            Create your first application above, then subscribe it to an API from the catalog and create a key to call it.
          </EmptyState>
        ) : (
          <AppList apps={apps} />
        )}
      </div>
    </>
  );
}
