'use client';

import { useState } from 'react';
import { Card } from '@/components/card';
import { CopyButton } from '@/components/copy-button';
import { EmptyState } from '@/components/empty-state';
import { LoadError } from '@/components/load-error';
import { LoadingBlock } from '@/components/loading';
import { PageHeader } from '@/components/page-header';
import { ApiError } from '@/lib/client/api-error';
import type { IssuedGatewayToken } from '@/lib/client/fleet-types';
import { useGateways } from '@/lib/client/use-gateways';
import { useRequireSession } from '@/lib/client/use-require-session';
import { EnvironmentsCard } from './environments-card';
import { FleetTable } from './fleet-table';
import { IssuedTokenPanel } from './issued-token-panel';
import { RegisterGatewayForm } from './register-gateway-form';

export function FleetView() {
  const { session } = useRequireSession();
  const { fleet, error } = useGateways(Boolean(session));
  // The token lives only in this state: never in the SWR cache, and gone on "Done".
  const [issued, setIssued] = useState<{ token: IssuedGatewayToken; rotated: boolean } | null>(null);

  if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
    return <EmptyState title="Admins only">Gateways and environments are managed by administrators.</EmptyState>;
  }

  return (
    <>
      <PageHeader
        title="Gateways"
        description="Sidecar gateways sync keys and routes from this portal and report what they have applied. Register one per deployment, then start it with the command shown."
      />
      <div className="space-y-6">
        {error ? (
          <LoadError error={error} what="the fleet" />
        ) : !fleet ? (
          <LoadingBlock rows={2} label="Loading gateways" />
        ) : (
          <>
            <Card title="Fleet" description="Refreshed every few seconds. Lag is the environment's revision minus the revision the gateway has applied.">
              <FleetTable gateways={fleet.items} onRotated={(token) => setIssued({ token, rotated: true })} />
            </Card>
            <Card title="Register a gateway" description="The token is shown once. The portal keeps only its hash.">
              <div className="space-y-5">
                <RegisterGatewayForm onRegistered={(token) => setIssued({ token, rotated: false })} />
                {issued && <IssuedTokenPanel issued={issued.token} rotated={issued.rotated} onDone={() => setIssued(null)} />}
              </div>
            </Card>
            <Card title="Portal signing key" description="Every sync answer is signed with this Ed25519 key; sidecars pin it with --portal-public-key and refuse anything else.">
              <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
                <code data-testid="portal-public-key" className="min-w-0 flex-1 rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 font-mono text-sm break-all select-all">
                  {fleet.publicKey}
                </code>
                <CopyButton text={fleet.publicKey} />
              </div>
            </Card>
          </>
        )}
        {session && !error && <EnvironmentsCard />}
      </div>
    </>
  );
}
