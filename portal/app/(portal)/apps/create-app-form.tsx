'use client';

import { type FormEvent, useState } from 'react';
import { useSWRConfig } from 'swr';
import { Button } from '@/components/button';
import { Field } from '@/components/field';
import { FormError } from '@/components/form-error';
import { Notice } from '@/components/notice';
import { errorMessage } from '@/lib/client/api-error';
import { postJson } from '@/lib/client/fetcher';
import type { App } from '@/lib/client/types';
import { appsKey } from '@/lib/client/use-apps';

export function CreateAppForm({ disabled = false }: { disabled?: boolean }) {
  const { mutate } = useSWRConfig();
  const [name, setName] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setCreated(null);
    try {
      const app = await postJson<App>(appsKey, { name: name.trim() });
      setCreated(app.name);
      setName('');
      await mutate(appsKey);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={handleSubmit} className="space-y-3">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Field
          label="Application name"
          className="flex-1"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="e.g. Weather dashboard"
          maxLength={100}
          required
          disabled={disabled}
        />
        <Button type="submit" pending={pending} disabled={disabled || !name.trim()}>
          Create application
        </Button>
      </div>
      <FormError message={error} />
      {created && (
        <Notice tone="success" testId="app-created" onDismiss={() => setCreated(null)}>
          Created {created}.
        </Notice>
      )}
    </form>
  );
}
