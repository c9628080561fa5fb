'use client';

import { type ChangeEvent, useId, useState } from 'react';
import { Button } from '@/components/button';
import { Field, inputClass } from '@/components/field';
import { errorMessage } from '@/lib/client/api-error';
import { postJson } from '@/lib/client/fetcher';
import { MAX_OPENAPI_BYTES, MAX_OPENAPI_LABEL, formatMiB, tooLargeMessage } from '@/lib/openapi/limits';
import type { OpenApiVerdict } from '../../_lib/types';

/** Past this, the text is not put in the textarea: a browser edits megabytes of text slowly, and nobody reads them there. */
const SHOWN_TEXT_MAX = 1024 * 1024;

/** The three ways in: a file, pasted text, or a URL the portal fetches through its SSRF guard. */
export function DocumentSource({ document, onDocument }: { document: string; onDocument: (text: string) => void }) {
  // Ids of its own: the API page can hold two sources at once (replace the document, start a version from one).
  const id = useId();
  const [url, setUrl] = useState('');
  const [fetching, setFetching] = useState(false);
  const [fetchError, setFetchError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    // Said before sending: the server refuses it with the same words, but only after the upload.
    if (file.size > MAX_OPENAPI_BYTES) {
      setFileError(tooLargeMessage(file.size));
      e.target.value = '';
      return;
    }
    setFileError(null);
    onDocument(await file.text());
  }

  async function fetchUrl() {
    setFetching(true);
    setFetchError(null);
    try {
      const r = await postJson<{ document: string; validation: OpenApiVerdict }>('/api/v1/publisher/openapi/fetch', { url: url.trim() });
      onDocument(r.document);
    } catch (err) {
      setFetchError(errorMessage(err));
    } finally {
      setFetching(false);
    }
  }

  return (
    <div className="space-y-4">
      <div>
        <label htmlFor={`${id}-file`} className="mb-1.5 block text-sm font-medium text-zinc-800">
          OpenAPI file
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,.yaml,.yml,application/json,application/yaml"
          onChange={onFile}
          aria-describedby={`${id}-file-hint`}
          aria-invalid={fileError ? true : undefined}
          className="block w-full text-sm text-zinc-700 file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-2 file:text-sm file:font-medium"
        />
        <p id={`${id}-file-hint`} className={`mt-1.5 text-xs ${fileError ? 'text-red-700' : 'text-zinc-500'}`}>
          {fileError ?? `OpenAPI 3.0, 3.1 or Swagger 2.0, JSON or YAML, up to ${MAX_OPENAPI_LABEL}.`}
        </p>
      </div>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <Field label="Or fetch from a URL" className="flex-1" type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.com/openapi.yaml" error={fetchError ?? undefined} />
        <Button variant="secondary" onClick={fetchUrl} pending={fetching} disabled={!url.trim()}>
          Fetch
        </Button>
      </div>
      <div>
        <label htmlFor={`${id}-text`} className="mb-1.5 block text-sm font-medium text-zinc-800">
          Or paste the document
        </label>
        {document.length > SHOWN_TEXT_MAX ? (
          <div className="flex items-center justify-between gap-3 rounded-md border border-zinc-300 px-3 py-2 text-sm text-zinc-700">
            <span data-testid="openapi-large-text">A document of {formatMiB(document.length)} is loaded (too long to show here).</span>
            <Button variant="secondary" onClick={() => onDocument('')}>
              Clear
            </Button>
          </div>
        ) : (
          <textarea id={`${id}-text`} rows={8} value={document} onChange={(e) => onDocument(e.target.value)} className={`${inputClass} font-mono text-xs`} spellCheck={false} />
        )}
      </div>
    </div>
  );
}
