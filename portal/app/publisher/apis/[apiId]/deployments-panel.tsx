'use client';

import { useState } from 'react';
import { useSWRConfig } from 'swr';
import { Card } from '@/components/card';
import { FormError } from '@/components/form-error';
import { errorMessage } from '@/lib/client/api-error';
import { managedApiKey, managedApisKey, useEnvironmentList } from '../../_lib/hooks';
import { sendJson } from '@/lib/client/fetcher';
import type { ManagedApiDetail } from '../../_lib/types';
import { DeploymentRow } from './deployment-row';

export function DeploymentsPanel({ api }: { api: ManagedApiDetail }) {
  const { mutate } = useSWRConfig();
  const environments = useEnvironmentList(true);
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const deployed = new Map(api.deployments.map((d) => [d.environmentId, d]));

  async function run(envId: string, method: 'PUT' | 'DELETE', body?: { backendUrl: string | null }) {
    setPending(envId);
    setError(null);
    try {
      await sendJson(method, `${managedApiKey(api.id)}/deployments/${encodeURIComponent(envId)}`, body);
      await Promise.all([mutate(managedApiKey(api.id)), mutate(managedApisKey)]);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setPending(null);
    }
  }

  return (
    <Card
      title="Deployments"
      description="Gateways of an environment route this version while it is published, deprecated or blocked. Leave the backend URL empty to use the API's own."
    >
      <ul className="space-y-3">
        {(environments ?? []).map((env) => (
          <DeploymentRow
            key={`${env.id}:${deployed.get(env.id)?.backendUrl ?? ''}`}
            api={api}
            env={env}
            deployment={deployed.get(env.id)}
            busy={pending !== null}
            pending={pending === env.id}
            onDeploy={(backendUrl) => run(env.id, 'PUT', { backendUrl })}
            onUndeploy={() => run(env.id, 'DELETE')}
          />
        ))}
      </ul>
      <FormError message={error} />
    </Card>
  );
}
