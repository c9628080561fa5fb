'use client';

import { useState } from 'react';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import type { ManagedApiDetail } from '../../_lib/types';
import { ReplaceDocumentForm } from './replace-document-form';

/** The document and the route of this version: what callers call and where the gateways send it. */
export function DocumentPanel({ api }: { api: ManagedApiDetail }) {
  const [open, setOpen] = useState(false);
  const editable = api.status !== 'RETIRED';
  return (
    <Card
      title="Document and routing"
      description="Replace the OpenAPI document, or move the context path or backend. A new document shows what changes for callers before you confirm."
      className="lg:col-span-2"
      actions={
        editable && !open ? (
          <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
            Replace document or routing
          </Button>
        ) : undefined
      }
    >
      {open ? (
        <ReplaceDocumentForm api={api} onDone={() => setOpen(false)} />
      ) : (
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium text-zinc-800">Context path</dt>
          <dd>
            <code data-testid="api-context">{api.context}</code>
          </dd>
          <dt className="font-medium text-zinc-800">Backend URL</dt>
          <dd className="wrap-anywhere">
            <code data-testid="api-backend">{api.backendUrl}</code>
          </dd>
          <dt className="font-medium text-zinc-800">Document</dt>
          <dd>{api.operations.length} operation(s), listed below</dd>
        </dl>
      )}
    </Card>
  );
}
