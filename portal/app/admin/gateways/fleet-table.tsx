'use client';

import { useState } from 'react';
import { CardTable } from '@/components/card-table';
import { useSWRConfig } from 'swr';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { errorMessage } from '@/lib/client/api-error';
import { postJson } from '@/lib/client/fetcher';
import type { Gateway, IssuedGatewayToken } from '@/lib/client/fleet-types';
import { adminEnvironmentsKey } from '@/lib/client/use-admin-environments';
import { gatewaysKey } from '@/lib/client/use-gateways';
import { FleetRow } from './fleet-row';

const COLUMNS = ['Gateway', 'Environment', 'Status', 'Last seen', 'Revision', 'Lag', 'Version / node', 'Cached keys'];
type Pending = { gateway: Gateway; action: 'rotate' | 'revoke' };

export function FleetTable({ gateways, onRotated }: { gateways: Gateway[]; onRotated: (issued: IssuedGatewayToken) => void }) {
  const { mutate } = useSWRConfig();
  const [confirming, setConfirming] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    if (!confirming) return;
    setBusy(true);
    setError(null);
    try {
      const url = `${gatewaysKey}/${encodeURIComponent(confirming.gateway.id)}/${confirming.action}`;
      if (confirming.action === 'rotate') onRotated(await postJson<IssuedGatewayToken>(url, {}));
      else await postJson<Gateway>(url, {});
      await Promise.all([mutate(gatewaysKey), mutate(adminEnvironmentsKey)]);
      setConfirming(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (gateways.length === 0) return <p className="text-sm text-zinc-600">No gateways yet. Register one below, then start a sidecar with its command.</p>;
  const rotate = confirming?.action === 'rotate';
  return (
    <>
      <CardTable columns={COLUMNS}>
            {gateways.map((g) => (
              <FleetRow key={g.id} gateway={g} onAction={(action) => setConfirming({ gateway: g, action })} />
            ))}
      </CardTable>
      <ConfirmDialog
        open={confirming !== null}
        title={`${rotate ? 'Rotate the token of' : 'Revoke'} ${confirming?.gateway.name ?? 'gateway'}?`}
        confirmLabel={rotate ? 'Rotate token' : 'Revoke gateway'}
        pending={busy}
        error={error}
        onConfirm={confirm}
        onCancel={() => {
          setConfirming(null);
          setError(null);
        }}
      >
        {rotate
          ? 'A new token is issued and the current one stops working at once: the sidecar keeps serving from its cache but cannot sync until it is restarted with the new token.'
          : 'Its token stops working at once. The sidecar keeps serving from its cache but never syncs again. This cannot be undone.'}
      </ConfirmDialog>
    </>
  );
}
