import useSWR from 'swr';
import { fetcher } from './fetcher';
import type { Environment, ListResponse } from './types';

export const environmentsKey = '/api/v1/environments';

export function useEnvironments(enabled = true) {
  const { data, error, isLoading } = useSWR<ListResponse<Environment>>(enabled ? environmentsKey : null, fetcher);
  return { environments: data?.items, error, isLoading };
}
