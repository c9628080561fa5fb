'use client';

import { Button } from '@/components/button';
import { CopyButton } from '@/components/copy-button';
import type { CreatedOAuthClient } from './oauth-clients-data';

/** The secret, once, with the token request that uses it. */
export function NewOAuthClientPanel({ client, onDone }: { client: CreatedOAuthClient; onDone: () => void }) {
  const curl = `curl -u "${client.clientId}:${client.clientSecret}" -d grant_type=client_credentials ${window.location.origin}/api/oauth/token`;
  return (
    <section aria-labelledby="new-oauth-client-heading" className="rounded-lg border border-emerald-300 bg-emerald-50/70 p-4 sm:p-5" data-testid="new-oauth-client-panel">
      <h3 id="new-oauth-client-heading" className="font-semibold text-emerald-950">
        OAuth client “{client.name}” created
      </h3>
      <p className="mt-1 text-sm text-emerald-900">
        <strong>Copy the secret now: it will not be shown again.</strong> Gatehouse keeps only a hash of it.
      </p>
      <dl className="mt-3 space-y-2 text-sm">
        {[
          ['Client ID', client.clientId, 'new-client-id'],
          ['Client secret', client.clientSecret, 'new-client-secret'],
        ].map(([label, value, testId]) => (
          <div key={testId} className="flex flex-col gap-1 sm:flex-row sm:items-center sm:gap-3">
            <dt className="w-28 shrink-0 font-medium text-emerald-950">{label}</dt>
            <dd className="flex min-w-0 flex-1 items-center gap-2">
              <code data-testid={testId} className="min-w-0 flex-1 rounded-md border border-emerald-200 bg-white px-3 py-2 font-mono text-sm break-all text-zinc-900 select-all">
                {value}
              </code>
              <CopyButton text={value as string} />
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-sm font-medium text-emerald-950">Get an access token</p>
      <pre className="mt-1.5 overflow-x-auto rounded-md bg-[#18181b] px-3 py-2.5 font-mono text-xs text-[#f4f4f5] select-all sm:text-sm">{curl}</pre>
      <p className="mt-1 text-xs text-emerald-900">Then call the gateway with Authorization: Bearer and the access_token; request a new one when it expires.</p>
      <div className="mt-4 flex justify-end">
        <Button onClick={onDone}>Done</Button>
      </div>
    </section>
  );
}
