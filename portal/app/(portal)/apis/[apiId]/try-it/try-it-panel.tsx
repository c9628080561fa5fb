'use client';

import { useMemo, useState } from 'react';
import { Card } from '@/components/card';
import { SelectField } from '@/components/field';
import { type OpenApiDoc, tryOperations } from '@/lib/client/openapi-doc';
import { rememberTriedIt } from '@/lib/client/try-it-progress';
import type { ApiDetail } from '@/lib/client/types';
import { KeyPicker } from './key-picker';
import { type RequestDraft, RequestForm } from './request-form';
import { ResponseView } from './response-view';
import { sendTryRequest, type TryOutcome } from './send-request';

/**
 * A small console that calls the chosen environment's gateway from the browser with the chosen key: the same path
 * a real client takes (key check, subscription, rate limit, backend), so a 200 here means the key works.
 */
export function TryItPanel({ api, document, environmentId, onEnvironment, apiKey, onKey }: {
  api: ApiDetail;
  document: OpenApiDoc | undefined;
  environmentId: string;
  onEnvironment: (id: string) => void;
  apiKey: string;
  onKey: (key: string) => void;
}) {
  const operations = useMemo(() => (document ? tryOperations(document) : []), [document]);
  const env = api.environments.find((e) => e.id === environmentId) ?? api.environments[0];
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<TryOutcome | null>(null);

  async function send(draft: RequestDraft) {
    if (!env) return;
    setPending(true);
    const result = await sendTryRequest({ baseUrl: env.baseUrl, ...draft, apiKey });
    if (result.ok && result.response.status < 300) rememberTriedIt();
    setOutcome(result);
    setPending(false);
  }

  return (
    <Card title="Try it" description="Calls go from your browser straight to the gateway, with your key, like any client of this API.">
      {api.environments.length === 0 ? (
        <p className="text-sm text-zinc-600">This API is not deployed to any gateway yet, so there is nothing to call. Check back once its publisher deploys it.</p>
      ) : (
        <div className="space-y-5" data-testid="try-it">
          <SelectField label="Environment" value={env?.id ?? ''} onChange={(e) => onEnvironment(e.target.value)}>
            {api.environments.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name} · {e.baseUrl}
              </option>
            ))}
          </SelectField>
          <KeyPicker apiId={api.id} apiKey={apiKey} onKey={onKey} />
          <div className="border-t border-zinc-200 pt-5">
            {document ? (
              <RequestForm operations={operations} baseUrl={env?.baseUrl ?? ''} apiKey={apiKey} pending={pending} disabled={!apiKey} onSend={send} onOperation={() => setOutcome(null)} />
            ) : (
              <div className="h-40 animate-pulse rounded-md bg-zinc-100" role="status" aria-busy="true" aria-label="Loading operations" />
            )}
            {!apiKey && <p className="mt-2 text-xs text-zinc-500">Create or paste a key to send a request.</p>}
          </div>
          {outcome && (
            <div className="border-t border-zinc-200 pt-5">
              {outcome.ok ? <ResponseView response={outcome.response} /> : <p role="alert" data-testid="try-error" className="text-sm text-red-700">{outcome.message}</p>}
            </div>
          )}
        </div>
      )}
    </Card>
  );
}
