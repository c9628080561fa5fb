'use client';

import dynamic from 'next/dynamic';
import { useEffect, useState } from 'react';
import { Button } from '@/components/button';
import { LoadError } from '@/components/load-error';
import type { OpenApiDoc } from '@/lib/client/openapi-doc';
import type { ApiEnvironment } from '@/lib/client/types';
import { SECTION_PARAM } from './use-reference-section';

const loadDocs = () => import('./api-docs');
// Scalar is about 1.1 MB of JavaScript (it renders with Vue inside): fetched only when a reader opens the reference,
// so the API page itself stays small. Hovering or focusing the button starts the download a moment early.
const ApiDocs = dynamic(loadDocs, { ssr: false, loading: () => <Placeholder label="Loading the API reference" /> });

function Placeholder({ label }: { label: string }) {
  return <div className="h-96 animate-pulse rounded-xl bg-zinc-100" role="status" aria-busy="true" aria-label={label} />;
}

/** The reference, closed until asked for; `#reference` (or a section) in the address opens it, so it can be linked to. */
export function ApiReferenceSection({ document, documentError, environments, environmentId, apiKey }: {
  document: OpenApiDoc | undefined;
  documentError: unknown;
  environments: ApiEnvironment[];
  environmentId: string;
  apiKey: string;
}) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (window.location.hash === '#reference' || new URLSearchParams(window.location.search).has(SECTION_PARAM)) setOpen(true);
  }, []);

  return (
    <section id="reference" className="mt-8 scroll-mt-24" aria-labelledby="reference-heading">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <h2 id="reference-heading" className="text-lg font-semibold text-zinc-900">
          Reference
        </h2>
        <Button variant="secondary" size="sm" aria-expanded={open} aria-controls="api-reference" onClick={() => setOpen(!open)} onPointerEnter={() => void loadDocs()} onFocus={() => void loadDocs()}>
          {open ? 'Hide the API reference' : 'Show the API reference'}
        </Button>
      </div>
      <div id="api-reference" hidden={!open}>
        {!open ? null : documentError ? (
          <LoadError error={documentError} what="the API reference" />
        ) : document ? (
          <ApiDocs document={document} environments={environments} environmentId={environmentId} apiKey={apiKey} />
        ) : (
          <Placeholder label="Loading the API document" />
        )}
      </div>
    </section>
  );
}
