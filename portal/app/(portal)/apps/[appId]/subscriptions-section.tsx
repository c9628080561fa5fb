'use client';

import Link from 'next/link';
import { useSWRConfig } from 'swr';
import { Button, buttonClass } from '@/components/button';
import { Card } from '@/components/card';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { LoadError } from '@/components/load-error';
import { LoadingBlock } from '@/components/loading';
import { del } from '@/lib/client/fetcher';
import { formatDate } from '@/lib/client/format';
import type { Subscription } from '@/lib/client/types';
import { appsKey } from '@/lib/client/use-apps';
import { useConfirm } from '@/lib/client/use-confirm';
import { useKeys } from '@/lib/client/use-keys';
import { subscriptionsKey, useSubscriptions } from '@/lib/client/use-subscriptions';
import { QuotaMeter } from './quota-meter';
import { SubscriptionState, SubscriptionStateNote } from './subscription-state';

export function SubscriptionsSection({ appId, appName }: { appId: string; appName: string }) {
  const { mutate } = useSWRConfig();
  const { subscriptions, error } = useSubscriptions(appId);
  const activeKeys = useKeys(appId).keys?.filter((k) => k.status === 'active').length;
  const unsubscribe = useConfirm(async (sub: Subscription) => {
    await del(`${subscriptionsKey(appId)}/${encodeURIComponent(sub.id)}`);
    await Promise.all([mutate(subscriptionsKey(appId)), mutate(appsKey)]);
  });

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
                  <SubscriptionState sub={sub} />
                </div>
                <p className="mt-0.5 text-sm text-zinc-600">
                  {sub.tier.name} tier · since {formatDate(sub.createdAt)}
                </p>
                <SubscriptionStateNote sub={sub} />
                <QuotaMeter quota={sub.quota} />
              </div>
              <Button variant="secondary" size="sm" className="self-start sm:self-auto" onClick={() => unsubscribe.ask(sub)}>
                Unsubscribe
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={unsubscribe.target !== null}
        title={`Unsubscribe from ${unsubscribe.target?.api.name ?? 'this API'} ${unsubscribe.target?.api.version ?? ''}?`}
        confirmLabel="Unsubscribe"
        pending={unsubscribe.pending}
        error={unsubscribe.error}
        onConfirm={() => unsubscribe.run()}
        onCancel={unsubscribe.cancel}
      >
        <span data-testid="unsubscribe-effect">
          This ends 1 subscription, of {appName}: within a second the gateways refuse its {activeKeys === undefined ? '' : `${activeKeys} active `}
          {activeKeys === 1 ? 'key' : 'keys'} and OAuth clients on <code>{unsubscribe.target?.api.context}</code>. Its other subscriptions keep
          working. Subscribing again may need the publisher's approval.
        </span>
      </ConfirmDialog>
    </Card>
  );
}
