'use client';

import { useState } from 'react';
import { useSWRConfig } from 'swr';
import { Card } from '@/components/card';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { LoadError } from '@/components/load-error';
import { LoadingBlock } from '@/components/loading';
import { PageHeader } from '@/components/page-header';
import type { Tier, TierInput } from '@/lib/client/admin-types';
import { errorMessage } from '@/lib/client/api-error';
import { sendJson } from '@/lib/client/fetcher';
import { adminTiersKey, useAdminTiers } from '@/lib/client/use-admin-tiers';
import { useRequireSession } from '@/lib/client/use-require-session';
import { AdminsOnly, isForbidden } from '../admins-only';
import { TierForm } from './tier-form';
import { TiersTable } from './tiers-table';

export function TiersView() {
  const { session } = useRequireSession();
  const { mutate } = useSWRConfig();
  const { tiers, error } = useAdminTiers(Boolean(session));
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Tier | null>(null);
  const [busy, setBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);

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
  async function confirmDelete() {
    if (!deleting) return;
    setBusy(true);
    setDeleteError(null);
    try {
      await sendJson('DELETE', `${adminTiersKey}/${encodeURIComponent(deleting.id)}`);
      await refresh();
      setDeleting(null);
    } catch (err) {
      setDeleteError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

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
            <TiersTable tiers={tiers} editing={editing} onEdit={setEditing} onSave={save} onDelete={(t) => { setDeleteError(null); setDeleting(t); }} />
          </Card>
          <Card title="New tier" description="Requests per minute is the sustained rate; burst is how many extra requests may arrive at once.">
            <TierForm onSave={create} />
          </Card>
        </div>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.name ?? 'tier'}?`}
        confirmLabel="Delete tier"
        pending={busy}
        error={deleteError}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      >
        APIs stop offering it. A tier that subscriptions use cannot be deleted.
      </ConfirmDialog>
    </>
  );
}
