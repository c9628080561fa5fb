'use client';

import { type FormEvent, useState } from 'react';
import { Button } from '@/components/button';
import { Field, SelectField } from '@/components/field';
import { FormError } from '@/components/form-error';
import { errorMessage } from '@/lib/client/api-error';
import { postJson } from '@/lib/client/fetcher';
import type { CreatedApiKey } from '@/lib/client/types';
import { keysKey } from '@/lib/client/use-keys';

const EXPIRY_DAYS = [
  { value: '', label: 'Never' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In 1 year' },
];

function expiresAt(days: string): string | null {
  return days ? new Date(Date.now() + Number(days) * 86_400_000).toISOString() : null;
}

export function CreateKeyForm({ appId, onCreated }: { appId: string; onCreated: (key: CreatedApiKey) => Promise<void> }) {
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      // postJson is deliberately not an SWR mutation: the answer holds the plaintext and must not enter the cache.
      const created = await postJson<CreatedApiKey>(keysKey(appId), { name: name.trim(), expiresAt: expiresAt(expiry) });
      setName('');
      await onCreated(created);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={handleSubmit} className="space-y-3">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Field label="Key name" className="flex-1" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. production" maxLength={80} />
        <SelectField label="Expires" className="sm:w-40" value={expiry} onChange={(e) => setExpiry(e.target.value)}>
          {EXPIRY_DAYS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </SelectField>
        <Button type="submit" pending={pending}>
          Create key
        </Button>
      </div>
      <FormError message={error} />
    </form>
  );
}
