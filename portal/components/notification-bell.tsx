'use client';

import Link from 'next/link';
import { useNotifications } from '@/lib/client/use-notifications';

/** The header's way to the notification list, with the unread count (a fixed-size slot, so the header never shifts). */
export function NotificationBell() {
  const { unread } = useNotifications(true);
  const label = unread > 0 ? `Notifications, ${unread} unread` : 'Notifications';
  return (
    <Link href="/account/notifications" aria-label={label} title={label} className="relative grid size-8 place-items-center rounded-md text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900">
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.6">
        <path d="M10 2.5a5 5 0 0 0-5 5v3l-1.5 3h13L15 10.5v-3a5 5 0 0 0-5-5Z" strokeLinejoin="round" />
        <path d="M8 16a2 2 0 0 0 4 0" strokeLinecap="round" />
      </svg>
      {unread > 0 && (
        <span data-testid="unread-count" className="absolute -top-1 -right-1 grid h-4 min-w-4 place-items-center rounded-full bg-red-600 px-1 text-[10px] font-semibold leading-none text-white">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
