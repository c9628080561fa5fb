'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { Button } from '@/components/button';
import { Field } from '@/components/field';
import { FormError } from '@/components/form-error';
import { errorMessage } from '@/lib/client/api-error';
import { postJson } from '@/lib/client/fetcher';
import { managedApiKey } from '../../_lib/hooks';
import type { ManagedApi, ManagedApiDetail } from '../../_lib/types';

export function NewVersionForm({ api }: { api: ManagedApiDetail }) {
  const router = useRouter();
  const [version, setVersion] = useState('');
  const [context, setContext] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    try {
      const created = await postJson<ManagedApi>(`${managedApiKey(api.id)}/versions`, { version: version.trim(), context: context.trim() });
      router.push(`/publisher/apis/${created.id}`);
    } catch (err) {
      setError(errorMessage(err));
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="New version" value={version} onChange={(e) => setVersion(e.target.value)} placeholder="v2" required />
        <Field label="New context path" value={context} onChange={(e) => setContext(e.target.value)} placeholder={api.context.replace(/[^/]+$/, 'v2')} required />
      </div>
      <Button type="submit" size="sm" variant="secondary" pending={pending} disabled={!version.trim() || !context.trim()}>
        Create version
      </Button>
      <FormError message={error} />
    </form>
  );
}
