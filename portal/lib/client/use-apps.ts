import useSWR from 'swr';
import { fetcher } from './fetcher';
import type { AppListItem, ListResponse } from './types';

export const appsKey = '/api/v1/apps';

/** The signed-in user's applications; pass enabled=false while signed out to avoid a certain 401. */
export function useApps(enabled = true) {
  const { data, error, isLoading } = useSWR<ListResponse<AppListItem>>(enabled ? appsKey : null, fetcher);
  return { apps: data?.items, error, isLoading };
}
