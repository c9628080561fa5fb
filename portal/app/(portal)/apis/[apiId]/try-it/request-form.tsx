'use client';

import { type FormEvent, useState } from 'react';
import { Button } from '@/components/button';
import { CopyButton } from '@/components/copy-button';
import { Field, inputClass, SelectField } from '@/components/field';
import type { TryOperation } from '@/lib/client/openapi-doc';
import { toCurl } from './curl';

export interface RequestDraft {
  method: string;
  path: string;
  pathParams: Record<string, string>;
  query: Record<string, string>;
  body: string;
}

/** Start with a GET without path parameters, so the first Send works as it is. */
function firstChoice(operations: TryOperation[]): number {
  const i = operations.findIndex((o) => o.method === 'GET' && !o.path.includes('{'));
  return Math.max(i, 0);
}

const examples = (params: TryOperation['query']) => Object.fromEntries(params.map((p) => [p.name, p.example]));

function draftOf(op: TryOperation): RequestDraft {
  return { method: op.method, path: op.path, pathParams: examples(op.pathParams), query: examples(op.query), body: op.hasBody ? op.bodyExample() : '' };
}

export function RequestForm({ operations, baseUrl, apiKey, pending, disabled, onSend, onOperation }: {
  operations: TryOperation[];
  baseUrl: string;
  apiKey: string;
  pending: boolean;
  disabled: boolean;
  onSend: (draft: RequestDraft) => void;
  /** Called when the reader picks another operation: the answer on screen belongs to the previous one. */
  onOperation: () => void;
}) {
  const [choice, setChoice] = useState(() => firstChoice(operations));
  const op = operations[choice];
  const [draft, setDraft] = useState<RequestDraft | null>(op ? draftOf(op) : null);

  function choose(index: number) {
    const next = operations[index];
    setChoice(index);
    if (next) setDraft(draftOf(next));
    onOperation();
  }

  if (!op || !draft) return <p className="text-sm text-zinc-600">This API’s document lists no operations to try.</p>;
  const missing = op.pathParams.filter((p) => (draft.pathParams[p.name] ?? '').trim() === '').map((p) => p.name);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (draft && missing.length === 0) onSend(draft);
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Request">
      <SelectField label="Operation" value={String(choice)} onChange={(e) => choose(Number(e.target.value))}>
        {operations.map((o, i) => (
          <option key={`${o.method} ${o.path}`} value={i}>
            {o.method} {o.path}
            {o.summary ? ` · ${o.summary}` : ''}
          </option>
        ))}
      </SelectField>
      <div>
        <label htmlFor="try-path" className="mb-1.5 block text-sm font-medium text-zinc-800">
          Path
        </label>
        <div className="flex min-w-0 items-stretch">
          <span className="inline-flex items-center rounded-l-md border border-r-0 border-zinc-300 bg-zinc-100 px-2.5 font-mono text-xs font-semibold text-zinc-700">{draft.method}</span>
          <input id="try-path" className={`${inputClass} min-w-0 rounded-l-none font-mono`} value={draft.path} onChange={(e) => setDraft({ ...draft, path: e.target.value })} spellCheck={false} />
        </div>
      </div>
      {op.pathParams.length > 0 && (
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="mb-1.5 text-sm font-medium text-zinc-800">Path parameters</legend>
          {op.pathParams.map((p) => (
            <Field
              key={p.name}
              label={`${p.name} (required)`}
              value={draft.pathParams[p.name] ?? ''}
              onChange={(e) => setDraft({ ...draft, pathParams: { ...draft.pathParams, [p.name]: e.target.value } })}
              className="font-mono"
              required
            />
          ))}
        </fieldset>
      )}
      {op.query.length > 0 && (
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="mb-1.5 text-sm font-medium text-zinc-800">Query parameters</legend>
          {op.query.map((q) => (
            <Field
              key={q.name}
              label={q.required ? `${q.name} (required)` : q.name}
              value={draft.query[q.name] ?? ''}
              onChange={(e) => setDraft({ ...draft, query: { ...draft.query, [q.name]: e.target.value } })}
              className="font-mono"
            />
          ))}
        </fieldset>
      )}
      {op.hasBody && (
        <div>
          <label htmlFor="try-body-input" className="mb-1.5 block text-sm font-medium text-zinc-800">
            Body (JSON)
          </label>
          <textarea id="try-body-input" rows={Math.min(14, Math.max(4, draft.body.split('\n').length + 1))} className={`${inputClass} font-mono text-xs`} value={draft.body} onChange={(e) => setDraft({ ...draft, body: e.target.value })} spellCheck={false} />
        </div>
      )}
      {missing.length > 0 && <p className="text-xs text-zinc-600">Fill in {missing.join(', ')} to send this request.</p>}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" pending={pending} disabled={disabled || missing.length > 0} className="w-full sm:w-auto">
          Send request
        </Button>
        <CopyButton text={toCurl({ baseUrl, apiKey, ...draft })} label="Copy as curl" />
      </div>
    </form>
  );
}
