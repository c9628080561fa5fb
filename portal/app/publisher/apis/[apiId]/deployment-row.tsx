'use client';

import { useState } from 'react';
import { Button } from '@/components/button';
import { inputClass } from '@/components/field';
import type { ManagedApiDetail } from '../../_lib/types';

type Deployment = ManagedApiDetail['deployments'][number];

/** One environment: deploy or undeploy, and the backend URL its gateways send this API's traffic to. */
export function DeploymentRow({ api, env, deployment, busy, pending, onDeploy, onUndeploy }: {
  api: ManagedApiDetail;
  env: { id: string; name: string };
  deployment: Deployment | undefined;
  busy: boolean;
  pending: boolean;
  onDeploy: (backendUrl: string | null) => void;
  onUndeploy: () => void;
}) {
  const [backend, setBackend] = useState(deployment?.backendUrl ?? '');
  const wanted = backend.trim() === '' ? null : backend.trim();
  const changed = deployment !== undefined && wanted !== (deployment.backendUrl ?? null);
  const inputId = `backend-${env.id}`;
  return (
    <li className="space-y-2 rounded-lg border border-zinc-200 p-3" data-testid={`deployment-${env.name}`}>
      <div className="flex flex-wrap items-center gap-3">
        <span className="font-medium text-zinc-900">{env.name}</span>
        <span className="min-w-0 flex-1 truncate text-sm text-zinc-500">{deployment ? deployment.baseUrl : 'Not deployed'}</span>
        {deployment ? (
          <Button size="sm" variant="secondary" pending={pending} disabled={busy} onClick={onUndeploy}>
            Undeploy from {env.name}
          </Button>
        ) : (
          <Button size="sm" pending={pending} disabled={busy || api.status === 'RETIRED'} onClick={() => onDeploy(wanted)}>
            Deploy to {env.name}
          </Button>
        )}
      </div>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <label htmlFor={inputId} className="shrink-0 text-xs font-medium text-zinc-600">
          Backend URL for {env.name}
        </label>
        <input
          id={inputId}
          type="url"
          className={`${inputClass} min-w-0 flex-1 py-1.5`}
          value={backend}
          placeholder={api.backendUrl}
          onChange={(e) => setBackend(e.target.value)}
        />
        {changed && (
          <Button size="sm" variant="secondary" disabled={busy} onClick={() => onDeploy(wanted)}>
            Save backend
          </Button>
        )}
      </div>
    </li>
  );
}
