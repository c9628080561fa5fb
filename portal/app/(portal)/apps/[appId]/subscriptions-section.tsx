'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useSWRConfig } from 'swr';
import { Button, buttonClass } from '@/components/button';
import { Card } from '@/components/card';
import { FormError } from '@/components/form-error';
import { LoadError } from '@/components/load-error';
import { LoadingBlock } from '@/components/loading';
import { StatusBadge } from '@/components/status-badge';
import { errorMessage } from '@/lib/client/api-error';
import { del } from '@/lib/client/fetcher';
import { formatDate } from '@/lib/client/format';
import { appsKey } from '@/lib/client/use-apps';
import { subscriptionsKey, useSubscriptions } from '@/lib/client/use-subscriptions';
import { QuotaMeter } from './quota-meter';

export function SubscriptionsSection({ appId }: { appId: string }) {
  const { mutate } = useSWRConfig();
  const { subscriptions, error } = useSubscriptions(appId);
  const [removing, setRemoving] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  async function unsubscribe(subscriptionId: string) {
    setRemoving(subscriptionId);
    setActionError(null);
    try {
      await del(`${subscriptionsKey(appId)}/${encodeURIComponent(subscriptionId)}`);
      await Promise.all([mutate(subscriptionsKey(appId)), mutate(appsKey)]);
    } catch (err) {
      setActionError(errorMessage(err));
    } finally {
      setRemoving(null);
    }
  }

  const browse = (
    <Link href="/" className={buttonClass('secondary', 'sm')}>
      Browse APIs
    </Link>
  );

  return (
    <Card title="Subscriptions" description="The APIs this application's keys may call, and at which tier." actions={browse}>
      {error ? (
        <LoadError error={error} what="subscriptions" />
      ) : !subscriptions ? (
        <LoadingBlock rows={1} label="Loading subscriptions" />
      ) : subscriptions.length === 0 ? (
        <p className="text-sm text-zinc-600">No subscriptions yet. Browse the catalog and subscribe this application to an API.</p>
      ) : (
        <ul className="-my-2 divide-y divide-zinc-100" aria-label="Subscriptions">
          {subscriptions.map((sub) => (
            <li key={sub.id} className="flex flex-col gap-3 py-3 sm:flex-row sm:items-center sm:justify-between" data-testid="subscription-row">
              <div className="min-w-0">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/apis/${encodeURIComponent(sub.api.id)}`} className="font-medium text-zinc-900 hover:text-indigo-700">
                    {sub.api.name}
                  </Link>
                  <span className="font-mono text-xs text-zinc-500">{sub.api.version}</span>
                  <StatusBadge status={sub.status} />
                </div>
                <p className="mt-0.5 text-sm text-zinc-600">
                  {sub.tier.name} tier · since {formatDate(sub.createdAt)}
                </p>
                <QuotaMeter quota={sub.quota} />
              </div>
              <Button variant="secondary" size="sm" className="self-start sm:self-auto" pending={removing === sub.id} onClick={() => unsubscribe(sub.id)}>
                Unsubscribe
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-3">
        <FormError message={actionError} />
      </div>
    </Card>
  );
}
