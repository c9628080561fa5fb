import useSWR from 'swr';
import type { Tier } from './admin-types';
import { fetcher } from './fetcher';

export const adminTiersKey = '/api/v1/admin/tiers';

export function useAdminTiers(enabled = true) {
  const { data, error, isLoading } = useSWR<{ items: Tier[] }>(enabled ? adminTiersKey : null, fetcher);
  return { tiers: data?.items, error, isLoading };
}
