'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { Button } from '@/components/button';
import { Field } from '@/components/field';
import { FormError } from '@/components/form-error';
import { ApiError, errorMessage } from '@/lib/client/api-error';
import { postJson } from '@/lib/client/fetcher';
import type { ManagedApi, OpenApiVerdict } from '../../_lib/types';
import { useOpenApiVerdict } from '../../_lib/use-openapi-verdict';
import { DocumentSource } from './document-source';
import { ProblemList } from './problem-list';
import { VersionHint } from './version-hint';

/** Fills only what the publisher has left empty, so a second document never overwrites their typing. */
const prefill = (f: Record<'name' | 'version' | 'description' | 'context' | 'backendUrl', string>, s: Extract<OpenApiVerdict, { valid: true }>['suggested']) => ({
  name: f.name || s.name,
  version: f.version || (s.version ?? ''),
  description: f.description || s.description,
  context: f.context || (s.context ?? ''),
  backendUrl: f.backendUrl || (s.backendUrl ?? ''),
});

export function ImportForm() {
  const router = useRouter();
  const [document, setDocument] = useState('');
  const [fields, setFields] = useState({ name: '', version: '', context: '', backendUrl: '', description: '', tags: '', overview: '' });
  const [requiresApproval, setRequiresApproval] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  // Validate as soon as a document arrives, and prefill what the document says about itself.
  const [verdict, setVerdict] = useOpenApiVerdict(document, (v) => setFields((f) => ({ ...f, ...prefill(f, v.suggested) })));

  const set = (k: keyof typeof fields) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [k]: e.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setFieldErrors({});
    try {
      const tags = fields.tags.split(',').map((t) => t.trim()).filter(Boolean);
      const api = await postJson<ManagedApi>('/api/v1/publisher/apis', { openapi: document, name: fields.name.trim(), version: fields.version.trim(), context: fields.context.trim(), backendUrl: fields.backendUrl.trim(), description: fields.description.trim(), tags, overview: fields.overview, requiresApproval });
      router.push(`/publisher/apis/${api.id}`);
    } catch (err) {
      setError(errorMessage(err));
      if (err instanceof ApiError) {
        setFieldErrors(Object.fromEntries(err.errors.map((e) => [e.path, e.message])));
        const docProblems = err.errors.filter((e) => e.path === 'openapi').map((e) => e.message);
        if (docProblems.length > 0) setVerdict({ valid: false, problems: docProblems });
      }
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-6">
      <DocumentSource document={document} onDocument={setDocument} />
      <ProblemList verdict={verdict} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" value={fields.name} onChange={set('name')} required maxLength={100} error={fieldErrors.name} />
        <Field label="Version" value={fields.version} onChange={set('version')} required maxLength={50} error={fieldErrors.version} hint={<VersionHint verdict={verdict} />} />
        <Field label="Context path" value={fields.context} onChange={set('context')} required placeholder="/pets/v1" hint="Where gateways serve this version; unique per version." error={fieldErrors.context} />
        <Field label="Backend URL" type="url" value={fields.backendUrl} onChange={set('backendUrl')} required placeholder="https://pets.internal/v1" error={fieldErrors.backendUrl} />
        <Field label="Description" className="sm:col-span-2" value={fields.description} onChange={set('description')} maxLength={500} />
        <Field label="Tags" value={fields.tags} onChange={set('tags')} placeholder="pets, animals" hint="Separated by commas." />
        <label className="flex items-center gap-2 self-end pb-2 text-sm text-zinc-800">
          <input type="checkbox" checked={requiresApproval} onChange={(e) => setRequiresApproval(e.target.checked)} className="size-4" />
          Subscriptions need my approval
        </label>
      </div>
      <div>
        <label htmlFor="overview" className="mb-1.5 block text-sm font-medium text-zinc-800">
          Overview (Markdown)
        </label>
        <textarea id="overview" rows={4} value={fields.overview} onChange={set('overview')} className="block w-full rounded-md border border-zinc-300 px-3 py-2 text-sm" />
      </div>
      <FormError message={error} />
      <Button type="submit" pending={pending} disabled={!document.trim() || verdict?.valid === false}>
        Create API
      </Button>
    </form>
  );
}
