import useSWR from 'swr';
import { fetcher } from './fetcher';
import type { App } from './types';

export const appKey = (appId: string) => `/api/v1/apps/${encodeURIComponent(appId)}`;

export function useApp(appId: string, enabled = true) {
  const { data, error, isLoading } = useSWR<App>(enabled ? appKey(appId) : null, fetcher);
  return { app: data, error, isLoading };
}
