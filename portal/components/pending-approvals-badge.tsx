'use client';

import Link from 'next/link';
import { plural } from '@/lib/client/format';
import { usePendingApprovals } from '@/lib/client/use-pending-approvals';

/**
 * Beside "Publish": how many subscriptions and tier changes wait for this publisher, as a link straight to the queue.
 * Nothing at zero (or while unknown): a badge that always shows trains people to ignore it.
 */
export function PendingApprovalsBadge() {
  const pending = usePendingApprovals(true);
  if (!pending || pending.total === 0) return null;
  const label = plural(pending.total, 'pending approval');
  const detail = [pending.subscriptions > 0 && plural(pending.subscriptions, 'subscription'), pending.tierChanges > 0 && plural(pending.tierChanges, 'tier change')].filter(Boolean).join(', ');
  return (
    <Link
      href="/publisher/approvals"
      aria-label={label}
      title={`${label}: ${detail}`}
      data-testid="pending-approvals"
      className="-ml-1 grid h-5 min-w-5 place-items-center self-center rounded-full bg-amber-100 px-1.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-300 hover:bg-amber-200"
    >
      {pending.total > 99 ? '99+' : pending.total}
    </Link>
  );
}
