'use client';

import { type FormEvent, useState } from 'react';
import { useSWRConfig } from 'swr';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { Field } from '@/components/field';
import { FormError } from '@/components/form-error';
import { LoadError } from '@/components/load-error';
import { errorMessage } from '@/lib/client/api-error';
import { postJson } from '@/lib/client/fetcher';
import { adminEnvironmentsKey, useAdminEnvironments } from '@/lib/client/use-admin-environments';

function CreateEnvironmentForm() {
  const { mutate } = useSWRConfig();
  const [name, setName] = useState('');
  const [gatewayUrl, setGatewayUrl] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await postJson(adminEnvironmentsKey, { name: name.trim(), gatewayUrl: gatewayUrl.trim() });
      setName('');
      setGatewayUrl('');
      await mutate(adminEnvironmentsKey);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={handleSubmit} className="space-y-3">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Field label="Environment name" className="sm:w-48" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. staging" maxLength={40} required />
        <Field label="Gateway URL" className="flex-1" type="url" value={gatewayUrl} onChange={(e) => setGatewayUrl(e.target.value)} placeholder="https://api.staging.example.com" required />
        <Button type="submit" pending={pending}>
          Create environment
        </Button>
      </div>
      <FormError message={error} />
    </form>
  );
}

export function EnvironmentsCard() {
  const { environments, error } = useAdminEnvironments();
  return (
    <div id="environments">
      <Card title="Environments" description="Each environment has its own revision and gateways; APIs deployed to it are served at its gateway URL.">
        <div className="space-y-5">
          {error ? (
            <LoadError error={error} what="environments" />
          ) : (
            <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200">
              {(environments ?? []).map((env) => (
                <li key={env.id} data-testid="environment-row" className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2.5 text-sm">
                  <span className="font-medium text-zinc-900">{env.name}</span>
                  <span className="min-w-0 flex-1 truncate font-mono text-xs text-zinc-600">{env.gatewayUrl}</span>
                  <span className="text-zinc-600 tabular-nums">
                    revision {env.revision} · {env.gateways} gateway{env.gateways === 1 ? '' : 's'}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <CreateEnvironmentForm />
        </div>
      </Card>
    </div>
  );
}
