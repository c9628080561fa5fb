'use client';

import { useState } from 'react';
import { useSWRConfig } from 'swr';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { FormError } from '@/components/form-error';
import { errorMessage } from '@/lib/client/api-error';
import { managedApiKey, managedApisKey, useEnvironmentList } from '../../_lib/hooks';
import { sendJson } from '../../_lib/send';
import type { ManagedApiDetail } from '../../_lib/types';

export function DeploymentsPanel({ api }: { api: ManagedApiDetail }) {
  const { mutate } = useSWRConfig();
  const environments = useEnvironmentList(true);
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const deployed = new Map(api.deployments.map((d) => [d.environmentId, d]));

  async function toggle(envId: string) {
    setPending(envId);
    setError(null);
    try {
      await sendJson(deployed.has(envId) ? 'DELETE' : 'PUT', `${managedApiKey(api.id)}/deployments/${encodeURIComponent(envId)}`);
      await Promise.all([mutate(managedApiKey(api.id)), mutate(managedApisKey)]);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setPending(null);
    }
  }

  return (
    <Card title="Deployments" description="Gateways of an environment route this version while it is published, deprecated or blocked.">
      <ul className="space-y-3">
        {(environments ?? []).map((env) => {
          const d = deployed.get(env.id);
          return (
            <li key={env.id} className="flex flex-wrap items-center gap-3" data-testid={`deployment-${env.name}`}>
              <span className="font-medium text-zinc-900">{env.name}</span>
              <span className="min-w-0 flex-1 truncate text-sm text-zinc-500">{d ? d.baseUrl : 'Not deployed'}</span>
              <Button size="sm" variant={d ? 'secondary' : 'primary'} pending={pending === env.id} disabled={pending !== null || api.status === 'RETIRED'} onClick={() => toggle(env.id)}>
                {d ? `Undeploy from ${env.name}` : `Deploy to ${env.name}`}
              </Button>
            </li>
          );
        })}
      </ul>
      <FormError message={error} />
    </Card>
  );
}
