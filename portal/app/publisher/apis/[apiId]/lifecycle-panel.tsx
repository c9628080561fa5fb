'use client';

import { useSWRConfig } from 'swr';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { FormError } from '@/components/form-error';
import { sendJson } from '@/lib/client/fetcher';
import { useAction } from '@/lib/client/use-action';
import { useConfirm } from '@/lib/client/use-confirm';
import { managedApiKey, managedApisKey } from '../../_lib/hooks';
import type { ApiStatus, ManagedApiDetail } from '../../_lib/types';
import { lifecycleEffect, reachSentence } from './lifecycle-effects';

type Target = Exclude<ApiStatus, 'CREATED'>;

/** Every action keeps its row whether or not it applies now, so no button slides under the cursor after a change. */
const ROWS: { status: Target; label: string; unblockLabel?: string; effect: string; variant: 'primary' | 'secondary' | 'danger' }[] = [
  { status: 'PUBLISHED', label: 'Publish', unblockLabel: 'Unblock as published', effect: 'Listed in the catalog; deployed gateways serve it.', variant: 'primary' },
  { status: 'DEPRECATED', label: 'Deprecate', unblockLabel: 'Unblock as deprecated', effect: 'Still served; no new subscriptions.', variant: 'secondary' },
  { status: 'BLOCKED', label: 'Block', effect: 'Gateways answer 403 until unblocked.', variant: 'danger' },
  { status: 'RETIRED', label: 'Retire', effect: 'Gone from the catalog; gateways answer 404. Final.', variant: 'danger' },
];

/** Publishing and unblocking only widen what callers get; the others take something away, so they ask first. */
const ASKS: readonly ApiStatus[] = ['DEPRECATED', 'BLOCKED', 'RETIRED'];

export function LifecyclePanel({ api }: { api: ManagedApiDetail }) {
  const { mutate } = useSWRConfig();
  async function move(status: ApiStatus) {
    await sendJson('PUT', `${managedApiKey(api.id)}/status`, { status });
    await Promise.all([mutate(managedApiKey(api.id)), mutate(managedApisKey)]);
  }
  const direct = useAction(move);
  const confirm = useConfirm<Target>(move);
  const successor = api.versions.filter((v) => v.id !== api.id && v.status === 'PUBLISHED').at(-1);

  return (
    <Card title="Lifecycle" description="Created → Published → Deprecated → Retired, or Blocked in an emergency.">
      {api.status === 'RETIRED' && <p className="mb-3 text-sm text-zinc-600">This version is retired. Start a new version to continue.</p>}
      <ul className="space-y-3">
        {ROWS.map((row) => {
          const allowed = api.allowedTransitions.includes(row.status);
          const label = api.status === 'BLOCKED' && row.unblockLabel ? row.unblockLabel : row.label;
          return (
            <li key={row.status} className="grid grid-cols-[11rem_1fr] items-center gap-3">
              <Button
                variant={row.variant}
                size="sm"
                className="w-full"
                pending={direct.pending && !ASKS.includes(row.status)}
                disabled={!allowed || direct.pending}
                onClick={() => (ASKS.includes(row.status) ? confirm.ask(row.status) : direct.run(row.status))}
              >
                {label}
              </Button>
              <span className={`text-sm ${allowed ? 'text-zinc-600' : 'text-zinc-500'}`}>{row.effect}</span>
            </li>
          );
        })}
      </ul>
      <FormError message={direct.error} />
      <ConfirmDialog
        open={confirm.target !== null}
        title={confirm.target ? lifecycleEffect(confirm.target, api).title : ''}
        confirmLabel={confirm.target ? lifecycleEffect(confirm.target, api).confirm : ''}
        confirmVariant="danger"
        pending={confirm.pending}
        error={confirm.error}
        onConfirm={() => confirm.run()}
        onCancel={confirm.cancel}
      >
        {confirm.target && (
          <div className="space-y-2" data-testid="lifecycle-effect">
            <p>{lifecycleEffect(confirm.target, api, successor?.version).body}</p>
            <p className="font-medium text-zinc-800">{reachSentence(api.reach)}</p>
          </div>
        )}
      </ConfirmDialog>
    </Card>
  );
}
