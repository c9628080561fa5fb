import useSWR from 'swr';
import { fetcher } from './fetcher';
import type { EnvironmentSummary } from './fleet-types';
import type { ListResponse } from './types';

export const adminEnvironmentsKey = '/api/v1/admin/environments';

export function useAdminEnvironments(enabled = true) {
  const { data, error, isLoading } = useSWR<ListResponse<EnvironmentSummary>>(enabled ? adminEnvironmentsKey : null, fetcher, { refreshInterval: 5000 });
  return { environments: data?.items, error, isLoading };
}
