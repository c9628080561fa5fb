'use client';

import { useState } from 'react';
import { useSWRConfig } from 'swr';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { FormError } from '@/components/form-error';
import { errorMessage } from '@/lib/client/api-error';
import { managedApiKey, managedApisKey } from '../../_lib/hooks';
import { sendJson } from '@/lib/client/fetcher';
import type { ApiStatus, ManagedApiDetail } from '../../_lib/types';

const ACTIONS: Record<ApiStatus, { label: string; effect: string; variant: 'primary' | 'secondary' | 'danger' }> = {
  PUBLISHED: { label: 'Publish', effect: 'Listed in the catalog; deployed gateways serve it.', variant: 'primary' },
  DEPRECATED: { label: 'Deprecate', effect: 'Still served; no new subscriptions.', variant: 'secondary' },
  RETIRED: { label: 'Retire', effect: 'Gone from the catalog; gateways answer 404. Final.', variant: 'danger' },
  BLOCKED: { label: 'Block', effect: 'Gateways answer 403 until unblocked.', variant: 'danger' },
  CREATED: { label: 'Created', effect: '', variant: 'secondary' },
};

export function LifecyclePanel({ api }: { api: ManagedApiDetail }) {
  const { mutate } = useSWRConfig();
  const [pending, setPending] = useState<ApiStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function move(status: ApiStatus) {
    setPending(status);
    setError(null);
    try {
      await sendJson('PUT', `${managedApiKey(api.id)}/status`, { status });
      await Promise.all([mutate(managedApiKey(api.id)), mutate(managedApisKey)]);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setPending(null);
    }
  }

  return (
    <Card title="Lifecycle" description="Created → Published → Deprecated → Retired, or Blocked in an emergency.">
      {api.allowedTransitions.length === 0 ? (
        <p className="text-sm text-zinc-600">This version is retired. Start a new version to continue.</p>
      ) : (
        <ul className="space-y-3">
          {api.allowedTransitions.map((s) => {
            const a = ACTIONS[s];
            const label = api.status === 'BLOCKED' && s !== 'RETIRED' ? `Unblock as ${s.toLowerCase()}` : a.label;
            return (
              <li key={s} className="flex flex-wrap items-center gap-3">
                <Button variant={a.variant} size="sm" pending={pending === s} disabled={pending !== null} onClick={() => move(s)}>
                  {label}
                </Button>
                <span className="text-sm text-zinc-600">{a.effect}</span>
              </li>
            );
          })}
        </ul>
      )}
      <FormError message={error} />
    </Card>
  );
}
