import useSWR from 'swr';
import { fetcher } from './fetcher';
import type { ApiDetail } from './types';

export const apiKey = (apiId: string) => `/api/v1/apis/${encodeURIComponent(apiId)}`;

/** One API with its operations, tiers and gateway base URLs; pass null to skip fetching. */
export function useApi(apiId: string | null) {
  const { data, error, isLoading } = useSWR<ApiDetail>(apiId ? apiKey(apiId) : null, fetcher);
  return { api: data, error, isLoading };
}
