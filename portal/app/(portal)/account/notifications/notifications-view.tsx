'use client';

import Link from 'next/link';
import { Badge, type Tone } from '@/components/badge';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { EmptyState } from '@/components/empty-state';
import { LoadError } from '@/components/load-error';
import { LoadingBlock } from '@/components/loading';
import { PageHeader } from '@/components/page-header';
import { postJson } from '@/lib/client/fetcher';
import { formatDate } from '@/lib/client/format';
import { useAction } from '@/lib/client/use-action';
import { type Notification, useNotifications } from '@/lib/client/use-notifications';
import { useRequireSession } from '@/lib/client/use-require-session';

const KINDS: Record<string, { label: string; tone: Tone }> = {
  'api.new-version': { label: 'New version', tone: 'accent' },
  'api.deprecated': { label: 'Deprecated', tone: 'warning' },
  'api.retired': { label: 'Retired', tone: 'neutral' },
  'api.blocked': { label: 'Blocked', tone: 'danger' },
  'subscription.decided': { label: 'Approval', tone: 'success' },
  'key.expiring': { label: 'Key expiring', tone: 'warning' },
};

export function NotificationsView() {
  const { session } = useRequireSession();
  const { items, unread, error, mutate } = useNotifications(Boolean(session));
  const markAll = useAction(async () => {
    await postJson('/api/v1/account/notifications/read', {});
    await mutate();
  });

  return (
    <>
      <PageHeader
        title="Notifications"
        description="What changed in the APIs your applications use, approvals, and keys about to expire."
        actions={
          <Button variant="secondary" size="sm" disabled={unread === 0} pending={markAll.pending} onClick={() => markAll.run()}>
            Mark all read
          </Button>
        }
      />
      {error ? (
        <LoadError error={error} what="your notifications" />
      ) : !items ? (
        <LoadingBlock rows={3} label="Loading notifications" />
      ) : items.length === 0 ? (
        <EmptyState title="Nothing yet">When an API you use gets a new version, is deprecated or retired, or a subscription is decided, it shows here.</EmptyState>
      ) : (
        <Card>
          <ul className="-my-2 divide-y divide-zinc-100" aria-label="Notifications">
            {items.map((n) => (
              <NotificationItem key={n.id} n={n} />
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}

function NotificationItem({ n }: { n: Notification }) {
  const kind = KINDS[n.kind] ?? { label: 'Notice', tone: 'neutral' as Tone };
  return (
    <li className="flex gap-3 py-3" data-testid="notification" data-unread={!n.read || undefined}>
      <span aria-hidden="true" className={`mt-2 size-2 shrink-0 rounded-full ${n.read ? 'bg-transparent' : 'bg-indigo-600'}`} />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={kind.tone}>{kind.label}</Badge>
          <span className={`text-sm ${n.read ? 'text-zinc-800' : 'font-semibold text-zinc-900'}`}>{n.title}</span>
          {!n.read && <span className="sr-only">(unread)</span>}
        </div>
        <p className="mt-1 text-sm text-zinc-600">{n.body}</p>
        <p className="mt-1 flex flex-wrap gap-3 text-xs text-zinc-500">
          <time dateTime={n.createdAt}>{formatDate(n.createdAt)}</time>
          {n.link && (
            <Link href={n.link} className="font-medium text-indigo-700 hover:underline">
              Open
            </Link>
          )}
        </p>
      </div>
    </li>
  );
}
