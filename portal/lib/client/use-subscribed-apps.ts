import useSWR from 'swr';
import { fetcher } from './fetcher';
import type { AppListItem, ListResponse, Subscription } from './types';
import { subscriptionsKey } from './use-subscriptions';

export interface SubscribedApp {
  app: AppListItem;
  subscription: Subscription;
}

/** The user's applications with an active subscription to one API: the ones whose keys the gateway lets through. */
export function useSubscribedApps(apiId: string, apps: AppListItem[] | undefined) {
  const candidates = (apps ?? []).filter((a) => a.subscriptions > 0);
  const key = apps ? ['subscribed-apps', apiId, ...candidates.map((a) => a.id)] : null;
  const { data, error } = useSWR<SubscribedApp[]>(key, async () => {
    const lists = await Promise.all(candidates.map((a) => fetcher<ListResponse<Subscription>>(subscriptionsKey(a.id))));
    return candidates.flatMap((app, i) => {
      const subscription = lists[i]?.items.find((s) => s.api.id === apiId && s.status === 'ACTIVE');
      return subscription ? [{ app, subscription }] : [];
    });
  });
  return { subscribed: data, error };
}
