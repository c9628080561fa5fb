'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Field } from '@/components/field';
import { FormError } from '@/components/form-error';
import { postJson } from '@/lib/client/fetcher';
import { useAction } from '@/lib/client/use-action';
import { managedApiKey } from '../../_lib/hooks';
import type { ManagedApi, ManagedApiDetail } from '../../_lib/types';
import { useOpenApiVerdict } from '../../_lib/use-openapi-verdict';
import { DocumentSource } from '../new/document-source';
import { ProblemList } from '../new/problem-list';
import { DocumentDiffView } from './document-diff-view';
import { ServersSuggestion } from './servers-suggestion';
import { useDocumentReview } from './use-document-review';

/** A new version, from this version's document or from a new one; a new one is compared with this version's first. */
export function NewVersionForm({ api }: { api: ManagedApiDetail }) {
  const router = useRouter();
  const [version, setVersion] = useState('');
  const [context, setContext] = useState('');
  const [backendUrl, setBackendUrl] = useState(api.backendUrl);
  const [fromNewDocument, setFromNewDocument] = useState(false);
  const [document, setDocument] = useState('');
  const newDocument = fromNewDocument && document.trim() !== '';
  const [verdict] = useOpenApiVerdict(fromNewDocument ? document : '', (v) => setVersion((current) => current || (v.suggested.version ?? '')));
  const { diff, review, pending: reviewing, error: reviewError, close } = useDocumentReview(api.id);
  const create = useAction(async () => {
    const body = { version: version.trim(), context: context.trim(), ...(newDocument && { openapi: document }), ...(backendUrl.trim() !== api.backendUrl && { backendUrl: backendUrl.trim() }) };
    const created = await postJson<ManagedApi>(`${managedApiKey(api.id)}/versions`, body);
    router.push(`/publisher/apis/${created.id}`);
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (newDocument) void review(document);
    else void create.run();
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Create a new version">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="New version" value={version} onChange={(e) => setVersion(e.target.value)} placeholder="v2" required />
        <Field label="New context path" value={context} onChange={(e) => setContext(e.target.value)} placeholder={api.context.replace(/[^/]+$/, 'v2')} required />
      </div>
      <label className="flex items-center gap-2 text-sm text-zinc-800">
        <input type="checkbox" className="size-4" checked={fromNewDocument} onChange={(e) => setFromNewDocument(e.target.checked)} />
        Start from a new OpenAPI document (otherwise this version&apos;s document is copied)
      </label>
      {fromNewDocument && (
        <div className="space-y-3 rounded-md border border-zinc-200 p-3">
          <DocumentSource document={document} onDocument={setDocument} />
          <ProblemList verdict={verdict} />
          <ServersSuggestion
            suggested={verdict?.valid ? verdict.suggested : null}
            context={context}
            backendUrl={backendUrl}
            setContext={setContext}
            setBackendUrl={setBackendUrl}
          />
          <Field label="Backend URL of the new version" type="url" value={backendUrl} onChange={(e) => setBackendUrl(e.target.value)} required />
        </div>
      )}
      <Button type="submit" size="sm" variant="secondary" pending={reviewing || (create.pending && !diff)} disabled={!version.trim() || !context.trim() || (fromNewDocument && (!newDocument || verdict?.valid === false))}>
        {newDocument ? 'Review changes' : 'Create version'}
      </Button>
      <FormError message={reviewError ?? (diff ? null : create.error)} />
      <ConfirmDialog
        open={diff !== null}
        title={`Create ${version.trim()} from the new document?`}
        confirmLabel="Create version"
        confirmVariant="primary"
        pending={create.pending}
        error={create.error}
        onConfirm={() => void create.run()}
        onCancel={close}
      >
        <p className="mb-3 text-sm text-zinc-700">Compared with {api.version}, what callers moving to {version.trim()} will find:</p>
        {diff && <DocumentDiffView diff={diff} />}
      </ConfirmDialog>
    </form>
  );
}
