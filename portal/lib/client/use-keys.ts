import useSWR from 'swr';
import { fetcher } from './fetcher';
import type { ApiKey, ListResponse } from './types';

export const keysKey = (appId: string) => `/api/v1/apps/${encodeURIComponent(appId)}/keys`;

/** Key metadata only: the list never carries plaintext, which exists solely in the create answer. */
export function useKeys(appId: string, enabled = true) {
  // While a change is still on its way to some gateway, poll so the receipts count up as gateways apply it.
  const { data, error, isLoading } = useSWR<ListResponse<ApiKey>>(enabled ? keysKey(appId) : null, fetcher, {
    refreshInterval: (latest) => (latest?.items.some((k) => k.receipts?.some((r) => r.applied < r.gateways)) ? 2000 : 0),
  });
  return { keys: data?.items, error, isLoading };
}
