import useSWR from 'swr';
import { fetcher } from './fetcher';

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  read: boolean;
}

export const notificationsKey = '/api/v1/account/notifications';

/** The signed-in user's notices. Re-read every minute and on focus, so the header's count follows along. */
export function useNotifications(enabled: boolean) {
  const { data, error, mutate } = useSWR<{ items: Notification[]; unread: number }>(enabled ? notificationsKey : null, fetcher, {
    refreshInterval: 60_000,
  });
  return { items: data?.items, unread: data?.unread ?? 0, error, mutate };
}
