import useSWR from 'swr';
import { fetcher } from './fetcher';
import type { ApiSummary, ListResponse } from './types';

export const apisKey = (q: string) => (q ? `/api/v1/apis?q=${encodeURIComponent(q)}` : '/api/v1/apis');

/** The public catalog, filtered by a search string. */
export function useApis(q: string) {
  // keepPreviousData stops the list from flashing empty while the next search is in flight.
  const { data, error, isLoading } = useSWR<ListResponse<ApiSummary>>(apisKey(q), fetcher, { keepPreviousData: true });
  return { apis: data?.items, error, isLoading };
}
