'use client';

import { useState } from 'react';
import { useSWRConfig } from 'swr';
import { Card } from '@/components/card';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { LoadError } from '@/components/load-error';
import { LoadingBlock } from '@/components/loading';
import { PageHeader } from '@/components/page-header';
import type { Tier, TierInput } from '@/lib/client/admin-types';
import { sendJson } from '@/lib/client/fetcher';
import { adminTiersKey, useAdminTiers } from '@/lib/client/use-admin-tiers';
import { useConfirm } from '@/lib/client/use-confirm';
import { useRequireSession } from '@/lib/client/use-require-session';
import { AdminsOnly, isForbidden } from '../admins-only';
import { TierForm } from './tier-form';
import { TiersTable } from './tiers-table';

export function TiersView() {
  const { session } = useRequireSession();
  const { mutate } = useSWRConfig();
  const { tiers, error } = useAdminTiers(Boolean(session));
  const [editing, setEditing] = useState<string | null>(null);

  // Publishers' tier pickers read /api/v1/tiers: refresh it too so a new tier shows up without a reload.
  const refresh = () => Promise.all([mutate(adminTiersKey), mutate('/api/v1/tiers')]);

  async function create(input: TierInput) {
    await sendJson('POST', adminTiersKey, input);
    await refresh();
  }
  async function save(tier: Tier, input: TierInput) {
    await sendJson('PUT', `${adminTiersKey}/${encodeURIComponent(tier.id)}`, input);
    setEditing(null);
    await refresh();
  }
  const remove = useConfirm(async (tier: Tier) => {
    await sendJson('DELETE', `${adminTiersKey}/${encodeURIComponent(tier.id)}`);
    await refresh();
  });

  if (isForbidden(error)) return <AdminsOnly />;
  return (
    <>
      <PageHeader title="Tiers" description="Rate limits and quotas that publishers offer on their APIs. Gateways enforce a change within one sync." />
      {error ? (
        <LoadError error={error} what="the tiers" />
      ) : !tiers ? (
        <LoadingBlock rows={3} label="Loading tiers" />
      ) : (
        <div className="space-y-6">
          <Card title="All tiers">
            <TiersTable tiers={tiers} editing={editing} onEdit={setEditing} onSave={save} onDelete={remove.ask} />
          </Card>
          <Card title="New tier" description="Requests per minute is the sustained rate; burst is how many extra requests may arrive at once.">
            <TierForm onSave={create} />
          </Card>
        </div>
      )}
      <ConfirmDialog
        open={remove.target !== null}
        title={`Delete ${remove.target?.name ?? 'tier'}?`}
        confirmLabel="Delete tier"
        pending={remove.pending}
        error={remove.error}
        onConfirm={remove.run}
        onCancel={remove.cancel}
      >
        APIs stop offering it. A tier that subscriptions use cannot be deleted.
      </ConfirmDialog>
    </>
  );
}
