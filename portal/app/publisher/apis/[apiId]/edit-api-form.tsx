'use client';

import { type FormEvent, useId, useState } from 'react';
import { useSWRConfig } from 'swr';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { Field, inputClass } from '@/components/field';
import { FormError } from '@/components/form-error';
import { ApiError, errorMessage } from '@/lib/client/api-error';
import { managedApiKey, managedApisKey } from '../../_lib/hooks';
import { sendJson } from '@/lib/client/fetcher';
import type { ManagedApiDetail } from '../../_lib/types';

const parseTags = (s: string) => [...new Set(s.split(',').map((t) => t.trim()).filter(Boolean))];

/** Edits what the catalog shows about this version. The context, backend and document have their own flows. */
export function EditApiForm({ api, onDone }: { api: ManagedApiDetail; onDone: () => void }) {
  const { mutate } = useSWRConfig();
  const overviewId = useId();
  const [name, setName] = useState(api.name);
  const [description, setDescription] = useState(api.description);
  const [tags, setTags] = useState(api.tags.join(', '));
  const [overview, setOverview] = useState(api.overview);
  const [requiresApproval, setRequiresApproval] = useState(api.requiresApproval);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | string | null>(null);
  const fieldError = (path: string) => (error instanceof ApiError ? error.errors.find((e) => e.path === path || e.path.startsWith(`${path}.`))?.message : undefined);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    try {
      await sendJson('PATCH', managedApiKey(api.id), { name: name.trim(), description: description.trim(), tags: parseTags(tags), overview, requiresApproval });
      await Promise.all([mutate(managedApiKey(api.id)), mutate(managedApisKey)]);
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err : errorMessage(err));
    } finally {
      setPending(false);
    }
  }

  return (
    <Card title="Edit details" description="Shown in the catalog and on the API page. Subscribers see the change at once." className="lg:col-span-2">
      <form onSubmit={submit} className="space-y-4" aria-label="Edit API details">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} error={fieldError('name')} />
          <Field label="Tags" value={tags} onChange={(e) => setTags(e.target.value)} hint="Comma-separated, at most 10" error={fieldError('tags')} />
        </div>
        <Field label="Description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={500} error={fieldError('description')} />
        <div>
          <label htmlFor={overviewId} className="mb-1.5 block text-sm font-medium text-zinc-800">
            Overview (Markdown)
          </label>
          <textarea id={overviewId} rows={8} className={`${inputClass} font-mono`} value={overview} onChange={(e) => setOverview(e.target.value)} maxLength={50_000} />
          <p className="mt-1.5 text-xs text-zinc-500">Rendered without raw HTML: tags and scripts are dropped.</p>
        </div>
        <label className="flex items-center gap-2 text-sm text-zinc-800">
          <input type="checkbox" className="size-4" checked={requiresApproval} onChange={(e) => setRequiresApproval(e.target.checked)} />
          Subscriptions need my approval
        </label>
        <FormError message={error instanceof ApiError ? error.detail : error} />
        <div className="flex gap-2">
          <Button type="submit" size="sm" pending={pending} disabled={!name.trim()}>
            Save details
          </Button>
          <Button size="sm" variant="secondary" onClick={onDone} disabled={pending}>
            Cancel
          </Button>
        </div>
      </form>
    </Card>
  );
}
