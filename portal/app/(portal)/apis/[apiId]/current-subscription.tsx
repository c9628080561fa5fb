'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useSWRConfig } from 'swr';
import { Button } from '@/components/button';
import { SelectField } from '@/components/field';
import { FormError } from '@/components/form-error';
import { sendJson } from '@/lib/client/fetcher';
import { formatQuota, formatRate } from '@/lib/client/format';
import type { ApiDetail, AppListItem, Subscription } from '@/lib/client/types';
import { useAction } from '@/lib/client/use-action';
import { subscriptionsKey } from '@/lib/client/use-subscriptions';

/**
 * What the chosen application already has on this API, in place of a second "Subscribe" (which the server refuses):
 * its state and tier, and a tier change that shows the rate and quota it changes, waiting for the publisher's
 * approval where the API requires it.
 */
export function CurrentSubscription({ api, app, sub }: { api: ApiDetail; app: AppListItem; sub: Subscription }) {
  const { mutate } = useSWRConfig();
  const [tierId, setTierId] = useState(sub.requestedTier?.id ?? sub.tier.id);
  const change = useAction(async () => {
    await sendJson('PATCH', `${subscriptionsKey(app.id)}/${encodeURIComponent(sub.id)}`, { tierId });
    await mutate(subscriptionsKey(app.id));
  });
  const current = api.tiers.find((t) => t.id === sub.tier.id);
  const next = api.tiers.find((t) => t.id === tierId);
  const changing = next && tierId !== sub.tier.id && tierId !== sub.requestedTier?.id;
  const waits = api.requiresApproval && sub.status === 'ACTIVE';
  const state = sub.status === 'PENDING' ? 'waiting for approval' : sub.status.toLowerCase();

  return (
    <div className="space-y-4" data-testid="current-subscription">
      <p className="text-sm text-zinc-700">
        <Link href={`/apps/${encodeURIComponent(app.id)}`} className="font-medium text-indigo-700 hover:underline">
          {app.name}
        </Link>{' '}
        is subscribed on the <span className="font-medium text-zinc-900">{sub.tier.name}</span> tier ({state}).
      </p>
      {sub.requestedTier && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="requested-tier">
          A move to {sub.requestedTier.name} waits for the publisher's approval; {sub.tier.name} applies until then.
        </p>
      )}
      {(sub.status === 'ACTIVE' || sub.status === 'PENDING') && api.tiers.length > 1 && (
        <>
          <SelectField label="Change tier" value={tierId} onChange={(e) => setTierId(e.target.value)}>
            {api.tiers.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
                {t.id === sub.tier.id ? ' (current)' : ''}
              </option>
            ))}
          </SelectField>
          {changing && current && (
            <dl className="space-y-1 rounded-md border border-zinc-200 px-3 py-2 text-sm" data-testid="tier-change">
              <Change label="Rate limit" from={formatRate(current.requestsPerMinute)} to={formatRate(next.requestsPerMinute)} />
              <Change label="Quota" from={formatQuota(current.monthlyQuota)} to={formatQuota(next.monthlyQuota)} />
            </dl>
          )}
          <FormError message={change.error} />
          <Button className="w-full" variant="secondary" disabled={!changing} pending={change.pending} onClick={() => change.run()}>
            {waits ? 'Ask for this tier' : 'Change tier'}
          </Button>
        </>
      )}
    </div>
  );
}

function Change({ label, from, to }: { label: string; from: string; to: string }) {
  return (
    <div className="flex flex-wrap justify-between gap-x-3">
      <dt className="text-zinc-500">{label}</dt>
      <dd className="text-right text-zinc-900">{from === to ? `${to} (unchanged)` : `${from} → ${to}`}</dd>
    </div>
  );
}
