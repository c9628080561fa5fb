'use client';

import { type FormEvent, useState } from 'react';
import { useSWRConfig } from 'swr';
import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Field } from '@/components/field';
import { FormError } from '@/components/form-error';
import { sendJson } from '@/lib/client/fetcher';
import { useAction } from '@/lib/client/use-action';
import { managedApiKey, managedApisKey } from '../../_lib/hooks';
import type { ManagedApiDetail } from '../../_lib/types';
import { useOpenApiVerdict } from '../../_lib/use-openapi-verdict';
import { DocumentSource } from '../new/document-source';
import { ProblemList } from '../new/problem-list';
import { DocumentDiffView } from './document-diff-view';
import { ServersSuggestion } from './servers-suggestion';
import { useDocumentReview } from './use-document-review';

/**
 * Replaces the document, the context path or the backend URL of this version. A new document is compared with the
 * current one first and the publisher confirms after reading what changes for callers; gateways follow on the next
 * sync (the update is a synced transaction).
 */
export function ReplaceDocumentForm({ api, onDone }: { api: ManagedApiDetail; onDone: () => void }) {
  const { mutate } = useSWRConfig();
  const [document, setDocument] = useState('');
  const [context, setContext] = useState(api.context);
  const [backendUrl, setBackendUrl] = useState(api.backendUrl);
  const [verdict] = useOpenApiVerdict(document);
  const { diff, review, pending: reviewing, error: reviewError, close } = useDocumentReview(api.id);
  const routing = { ...(context.trim() !== api.context && { context: context.trim() }), ...(backendUrl.trim() !== api.backendUrl && { backendUrl: backendUrl.trim() }) };
  const save = useAction(async () => {
    await sendJson('PATCH', managedApiKey(api.id), { ...routing, ...(document.trim() && { openapi: document }) });
    await Promise.all([mutate(managedApiKey(api.id)), mutate(managedApisKey)]);
    close();
    onDone();
  });
  const changed = document.trim() !== '' || Object.keys(routing).length > 0;

  function submit(e: FormEvent) {
    e.preventDefault();
    // A new document is reviewed first; a routing change alone has nothing to compare.
    if (document.trim()) void review(document);
    else void save.run();
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Replace document and routing">
      <DocumentSource document={document} onDocument={setDocument} />
      <ProblemList verdict={verdict} />
      <ServersSuggestion
        suggested={verdict?.valid ? verdict.suggested : null}
        context={context}
        backendUrl={backendUrl}
        setContext={setContext}
        setBackendUrl={setBackendUrl}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Context path" value={context} onChange={(e) => setContext(e.target.value)} required hint="Where gateways serve this version." />
        <Field label="Backend URL" type="url" value={backendUrl} onChange={(e) => setBackendUrl(e.target.value)} required hint="Where gateways forward calls (unless a deployment sets its own)." />
      </div>
      <FormError message={reviewError ?? (diff ? null : save.error)} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" pending={reviewing || (save.pending && !diff)} disabled={!changed || verdict?.valid === false}>
          {document.trim() ? 'Review changes' : 'Save routing'}
        </Button>
        <Button size="sm" variant="secondary" onClick={onDone} disabled={reviewing || save.pending}>
          Cancel
        </Button>
      </div>
      <ConfirmDialog
        open={diff !== null}
        title={`Replace the document of ${api.name} ${api.version}?`}
        confirmLabel="Replace document"
        confirmVariant={diff && diff.breaking.length > 0 ? 'danger' : 'primary'}
        pending={save.pending}
        error={save.error}
        onConfirm={() => void save.run()}
        onCancel={close}
      >
        {diff && <DocumentDiffView diff={diff} />}
        {Object.keys(routing).length > 0 && <p className="mt-3 text-sm text-zinc-700">The context path or backend URL changes too; gateways follow on their next sync.</p>}
      </ConfirmDialog>
    </form>
  );
}
