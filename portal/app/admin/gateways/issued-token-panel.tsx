'use client';

import { Button } from '@/components/button';
import { CopyButton } from '@/components/copy-button';
import type { IssuedGatewayToken } from '@/lib/client/fleet-types';
import { RunCommandTabs } from './run-command-tabs';

export function IssuedTokenPanel({ issued, rotated, onDone }: { issued: IssuedGatewayToken; rotated: boolean; onDone: () => void }) {
  const { gateway } = issued;
  return (
    <section aria-labelledby="issued-token-heading" data-testid="issued-token-panel" className="rounded-lg border border-emerald-300 bg-emerald-50/70 p-4 sm:p-5">
      <h3 id="issued-token-heading" className="font-semibold text-emerald-950">
        {rotated ? `New token for “${gateway.name}”` : `Gateway “${gateway.name}” registered in ${gateway.environment.name}`}
      </h3>
      <p className="mt-1 text-sm text-emerald-900">
        <strong>Copy it now: it will not be shown again.</strong>
        {rotated ? ' The previous token no longer works; restart the sidecar with this one.' : ' Run one of these beside your backend to start the sidecar.'}
      </p>
      <p className="mt-3 text-sm font-medium text-emerald-950">Gateway token</p>
      <div className="mt-1.5 flex flex-col gap-2 sm:flex-row sm:items-center">
        <code data-testid="gateway-token" className="min-w-0 flex-1 rounded-md border border-emerald-200 bg-white px-3 py-2 font-mono text-sm break-all text-zinc-900 select-all">
          {issued.token}
        </code>
        <CopyButton text={issued.token} />
      </div>
      <p className="mt-4 text-sm font-medium text-emerald-950">Run the sidecar</p>
      <RunCommandTabs run={issued.run} />
      <p className="mt-2 text-xs text-emerald-900">
        Adjust the listen addresses and the cache location to the host. The token stays out of command lines: <code>ps</code> does not show it.
      </p>
      <div className="mt-4 flex justify-end">
        <Button onClick={onDone}>Done</Button>
      </div>
    </section>
  );
}
