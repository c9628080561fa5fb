import useSWR from 'swr';
import { fetcher } from './fetcher';
import type { ListResponse, Subscription } from './types';

export const subscriptionsKey = (appId: string) => `/api/v1/apps/${encodeURIComponent(appId)}/subscriptions`;

export function useSubscriptions(appId: string, enabled = true) {
  const { data, error, isLoading } = useSWR<ListResponse<Subscription>>(enabled ? subscriptionsKey(appId) : null, fetcher);
  return { subscriptions: data?.items, error, isLoading };
}
