'use client';

import { type FormEvent, useState } from 'react';
import { useSWRConfig } from 'swr';
import { Button } from '@/components/button';
import { Field, SelectField } from '@/components/field';
import { FormError } from '@/components/form-error';
import { errorMessage } from '@/lib/client/api-error';
import { postJson } from '@/lib/client/fetcher';
import type { IssuedGatewayToken } from '@/lib/client/fleet-types';
import { adminEnvironmentsKey, useAdminEnvironments } from '@/lib/client/use-admin-environments';
import { gatewaysKey } from '@/lib/client/use-gateways';

export function RegisterGatewayForm({ onRegistered }: { onRegistered: (issued: IssuedGatewayToken) => void }) {
  const { mutate } = useSWRConfig();
  const { environments } = useAdminEnvironments();
  const [environmentId, setEnvironmentId] = useState('');
  const [name, setName] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const selected = environmentId || environments?.[0]?.id || '';

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      // Not an SWR mutation: the answer holds the token and must not enter the cache.
      const issued = await postJson<IssuedGatewayToken>(gatewaysKey, { environmentId: selected, name: name.trim() });
      setName('');
      onRegistered(issued);
      await Promise.all([mutate(gatewaysKey), mutate(adminEnvironmentsKey)]);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={handleSubmit} className="space-y-3">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <SelectField label="Environment" className="sm:w-48" value={selected} onChange={(e) => setEnvironmentId(e.target.value)} required>
          {(environments ?? []).map((env) => (
            <option key={env.id} value={env.id}>
              {env.name}
            </option>
          ))}
        </SelectField>
        <Field label="Gateway name" className="flex-1" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. eu-west-1a" maxLength={60} required />
        <Button type="submit" pending={pending} disabled={!selected}>
          Register gateway
        </Button>
      </div>
      <FormError message={error} />
    </form>
  );
}
