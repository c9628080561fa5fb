'use client';

import { useSWRConfig } from 'swr';
import { CardTable } from '@/components/card-table';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { postJson } from '@/lib/client/fetcher';
import type { Gateway, IssuedGatewayToken } from '@/lib/client/fleet-types';
import { adminEnvironmentsKey } from '@/lib/client/use-admin-environments';
import { useConfirm } from '@/lib/client/use-confirm';
import { gatewaysKey } from '@/lib/client/use-gateways';
import { FleetRow } from './fleet-row';

const COLUMNS = ['Gateway', 'Environment', 'Status', 'Last seen', 'Revision', 'Lag', 'Version / node', 'Cached keys'];
type Pending = { gateway: Gateway; action: 'rotate' | 'revoke' };

export function FleetTable({ gateways, onRotated }: { gateways: Gateway[]; onRotated: (issued: IssuedGatewayToken) => void }) {
  const { mutate } = useSWRConfig();
  const confirm = useConfirm(async ({ gateway, action }: Pending) => {
    const url = `${gatewaysKey}/${encodeURIComponent(gateway.id)}/${action}`;
    if (action === 'rotate') onRotated(await postJson<IssuedGatewayToken>(url, {}));
    else await postJson<Gateway>(url, {});
    await Promise.all([mutate(gatewaysKey), mutate(adminEnvironmentsKey)]);
  });

  if (gateways.length === 0) return <p className="text-sm text-zinc-600">No gateways yet. Register one below, then start a sidecar with its command.</p>;
  const rotate = confirm.target?.action === 'rotate';
  return (
    <>
      <CardTable columns={COLUMNS}>
        {gateways.map((g) => (
          <FleetRow key={g.id} gateway={g} onAction={(action) => confirm.ask({ gateway: g, action })} />
        ))}
      </CardTable>
      <ConfirmDialog
        open={confirm.target !== null}
        title={`${rotate ? 'Rotate the token of' : 'Revoke'} ${confirm.target?.gateway.name ?? 'gateway'}?`}
        confirmLabel={rotate ? 'Rotate token' : 'Revoke gateway'}
        pending={confirm.pending}
        error={confirm.error}
        onConfirm={confirm.run}
        onCancel={confirm.cancel}
      >
        {rotate
          ? 'A new token is issued and the current one stops working at once: the sidecar keeps serving from its cache but cannot sync until it is restarted with the new token.'
          : 'Its token stops working at once. The sidecar keeps serving from its cache but never syncs again. This cannot be undone.'}
      </ConfirmDialog>
    </>
  );
}
