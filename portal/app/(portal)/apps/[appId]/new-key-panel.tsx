'use client';

import { Button } from '@/components/button';
import { CopyButton } from '@/components/copy-button';
import type { ApiDetail } from '@/lib/client/types';
import { useApi } from '@/lib/client/use-api';
import { useSubscriptions } from '@/lib/client/use-subscriptions';

/** A path worth trying first: a GET without path parameters, so the example works as pasted. */
function examplePath(api: ApiDetail): string {
  const op = api.operations.find((o) => o.method.toUpperCase() === 'GET' && !o.path.includes('{')) ?? api.operations[0];
  return op?.path ?? '/';
}

function useCurlExample(appId: string, key: string): string | null {
  const { subscriptions } = useSubscriptions(appId);
  const sub = subscriptions?.find((s) => s.status === 'ACTIVE') ?? subscriptions?.[0];
  const { api } = useApi(sub?.api.id ?? null);
  const baseUrl = api?.environments[0]?.baseUrl;
  if (!api || !baseUrl) return null;
  return `curl -H "x-api-key: ${key}" ${baseUrl.replace(/\/+$/, '')}${examplePath(api)}`;
}

export function NewKeyPanel({ appId, plaintext, keyName, onDone }: { appId: string; plaintext: string; keyName: string; onDone: () => void }) {
  const curl = useCurlExample(appId, plaintext);

  return (
    <section aria-labelledby="new-key-heading" className="rounded-lg border border-emerald-300 bg-emerald-50/70 p-4 sm:p-5" data-testid="new-key-panel">
      <h3 id="new-key-heading" className="font-semibold text-emerald-950">
        Key “{keyName}” created
      </h3>
      <p className="mt-1 text-sm text-emerald-900">
        <strong>Copy it now: it will not be shown again.</strong> Gatehouse keeps only a hash, so a lost key cannot be recovered; revoke it and
        create another.
      </p>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-center">
        <code data-testid="new-key" className="min-w-0 flex-1 rounded-md border border-emerald-200 bg-white px-3 py-2 font-mono text-sm break-all text-zinc-900 select-all">
          {plaintext}
        </code>
        <CopyButton text={plaintext} />
      </div>
      <div className="mt-4">
        <p className="text-sm font-medium text-emerald-950">Try it</p>
        {curl ? (
          <pre data-testid="curl-example" className="mt-1.5 overflow-x-auto rounded-md bg-[#18181b] px-3 py-2.5 font-mono text-xs text-[#f4f4f5] select-all sm:text-sm">
            {curl}
          </pre>
        ) : (
          <p className="mt-1 text-sm text-emerald-900">Subscribe this application to an API to get a ready-to-run example.</p>
        )}
      </div>
      <div className="mt-4 flex justify-end">
        <Button onClick={onDone}>Done</Button>
      </div>
    </section>
  );
}
