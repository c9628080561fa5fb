'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useSWRConfig } from 'swr';
import { Button } from '@/components/button';
import { cardClass } from '@/components/card';
import { EmptyState } from '@/components/empty-state';
import { FormError } from '@/components/form-error';
import { LoadError } from '@/components/load-error';
import { LoadingBlock } from '@/components/loading';
import { PageHeader } from '@/components/page-header';
import { errorMessage } from '@/lib/client/api-error';
import { postJson } from '@/lib/client/fetcher';
import { formatDateTime } from '@/lib/client/format';
import { pendingApprovalsKey } from '@/lib/client/use-pending-approvals';
import { useRequireSession } from '@/lib/client/use-require-session';
import { approvalQueueKey, managedApisKey, useApprovalQueue } from '../_lib/hooks';

export function ApprovalsView() {
  const { session } = useRequireSession();
  const { items, error, isLoading } = useApprovalQueue(Boolean(session));
  const { mutate } = useSWRConfig();
  const [pending, setPending] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  async function decide(id: string, decision: 'approve' | 'reject') {
    setPending(id);
    setActionError(null);
    try {
      await postJson(`/api/v1/publisher/subscriptions/${encodeURIComponent(id)}/${decision}`, {});
      await Promise.all([mutate(approvalQueueKey), mutate(managedApisKey), mutate(pendingApprovalsKey)]);
    } catch (err) {
      setActionError(errorMessage(err));
    } finally {
      setPending(null);
    }
  }

  return (
    <>
      <PageHeader eyebrow={<Link href="/publisher" className="hover:underline">Your APIs</Link>} title="Approvals" description="Subscriptions waiting for your decision. Only approved subscriptions reach the gateways." />
      <FormError message={actionError} />
      {error ? (
        <LoadError error={error} what="the approval queue" />
      ) : !session || isLoading || !items ? (
        <LoadingBlock rows={2} label="Loading the queue" />
      ) : items.length === 0 ? (
        <EmptyState title="Nothing waiting">New subscriptions to APIs that need approval appear here.</EmptyState>
      ) : (
        <ul className={`${cardClass} divide-y divide-zinc-100`}>
          {items.map((s) => (
            <li key={s.id} data-testid="approval-row" className="flex flex-wrap items-center gap-3 px-5 py-4">
              <div className="min-w-0 flex-1">
                <div className="font-medium text-zinc-900">
                  {s.app.name} → {s.api.name} {s.api.version}
                </div>
                <div className="text-sm text-zinc-500">
                  {s.app.ownerEmail} · {s.requestedTier ? `asks to move from ${s.tier.name} to ${s.requestedTier.name}` : `${s.tier.name} · asked ${formatDateTime(s.createdAt)}`}
                </div>
              </div>
              <Button size="sm" pending={pending === s.id} disabled={pending !== null} onClick={() => decide(s.id, 'approve')}>
                Approve
              </Button>
              <Button size="sm" variant="secondary" disabled={pending !== null} onClick={() => decide(s.id, 'reject')}>
                Reject
              </Button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
