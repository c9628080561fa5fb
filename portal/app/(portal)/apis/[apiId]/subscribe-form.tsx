'use client';

import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { useSWRConfig } from 'swr';
import { Button } from '@/components/button';
import { SelectField } from '@/components/field';
import { FormError } from '@/components/form-error';
import { Notice } from '@/components/notice';
import { errorMessage } from '@/lib/client/api-error';
import { postJson } from '@/lib/client/fetcher';
import { formatRate } from '@/lib/client/format';
import type { ApiDetail, AppListItem, SubscriptionStatus } from '@/lib/client/types';
import { appsKey } from '@/lib/client/use-apps';
import { subscriptionsKey, useSubscriptions } from '@/lib/client/use-subscriptions';
import { CurrentSubscription } from './current-subscription';

interface Created {
  id: string;
  status: SubscriptionStatus;
}

export function SubscribeForm({ api, apps }: { api: ApiDetail; apps: AppListItem[] }) {
  const { mutate } = useSWRConfig();
  const [appId, setAppId] = useState(apps[0]?.id ?? '');
  const [tierId, setTierId] = useState(api.tiers[0]?.id ?? '');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ app: AppListItem; status: SubscriptionStatus } | null>(null);
  const deprecated = api.status === 'DEPRECATED';
  const { subscriptions } = useSubscriptions(appId, Boolean(appId));
  const existing = subscriptions?.find((s) => s.api.id === api.id && s.status !== 'REJECTED');
  const chosen = apps.find((a) => a.id === appId);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setDone(null);
    try {
      const created = await postJson<Created>(subscriptionsKey(appId), { apiId: api.id, tierId });
      const app = apps.find((a) => a.id === appId);
      if (app) setDone({ app, status: created.status });
      await Promise.all([mutate(subscriptionsKey(appId)), mutate(appsKey)]);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setPending(false);
    }
  }

  const appField = (
    <SelectField label="Application" value={appId} onChange={(e) => setAppId(e.target.value)} required>
      {apps.map((app) => (
        <option key={app.id} value={app.id}>
          {app.name}
        </option>
      ))}
    </SelectField>
  );
  // Until the chosen application's subscriptions are known, neither form is offered: no button swaps under the cursor.
  if (appId && !subscriptions) {
    return (
      <div className="space-y-4">
        {appField}
        <div className="h-24 animate-pulse rounded-md bg-zinc-100" aria-busy="true" />
      </div>
    );
  }
  // The chosen application is already subscribed: show that, and let it change tier, instead of a second Subscribe.
  if (existing && chosen && !done) {
    return (
      <div className="space-y-4">
        {appField}
        <CurrentSubscription key={existing.id} api={api} app={chosen} sub={existing} />
      </div>
    );
  }

  return (
    <form onSubmit={handleSubmit} className="space-y-4">
      {appField}
      <SelectField label="Tier" value={tierId} onChange={(e) => setTierId(e.target.value)} required disabled={api.tiers.length === 0}>
        {api.tiers.map((tier) => (
          <option key={tier.id} value={tier.id}>
            {tier.requestsPerMinute === null ? tier.name : `${tier.name} (${formatRate(tier.requestsPerMinute)})`}
          </option>
        ))}
      </SelectField>
      {deprecated && <p className="text-sm text-amber-800">This API is deprecated and takes no new subscriptions.</p>}
      <FormError message={error} />
      {done && (
        <Notice tone="success" testId="subscribe-success" onDismiss={() => setDone(null)}>
          <p className="font-medium">{done.status === 'PENDING' ? 'Subscribed, waiting for approval' : 'Subscribed'}</p>
          <Link href={`/apps/${encodeURIComponent(done.app.id)}`} className="underline underline-offset-2">
            Open {done.app.name}
          </Link>
        </Notice>
      )}
      <Button type="submit" className="w-full" pending={pending} disabled={deprecated || !tierId || !appId}>
        Subscribe
      </Button>
    </form>
  );
}
