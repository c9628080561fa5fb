import useSWR from 'swr';
import { fetcher } from './fetcher';
import type { ApiKey, ListResponse } from './types';

export const keysKey = (appId: string) => `/api/v1/apps/${encodeURIComponent(appId)}/keys`;

/** Key metadata only: the list never carries plaintext, which exists solely in the create answer. */
export function useKeys(appId: string, enabled = true) {
  const { data, error, isLoading } = useSWR<ListResponse<ApiKey>>(enabled ? keysKey(appId) : null, fetcher);
  return { keys: data?.items, error, isLoading };
}
