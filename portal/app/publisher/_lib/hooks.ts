import useSWR from 'swr';
import { fetcher } from '@/lib/client/fetcher';
import type { ManagedApi, ManagedApiDetail, QueueItem } from './types';

export const managedApisKey = '/api/v1/publisher/apis';
export const managedApiKey = (id: string) => `/api/v1/publisher/apis/${encodeURIComponent(id)}`;
export const approvalQueueKey = '/api/v1/publisher/subscriptions?status=PENDING';

export function useManagedApis(enabled: boolean) {
  const { data, error, isLoading } = useSWR<{ items: ManagedApi[] }>(enabled ? managedApisKey : null, fetcher);
  return { apis: data?.items, error, isLoading };
}

export function useManagedApi(id: string, enabled: boolean) {
  const { data, error, isLoading } = useSWR<ManagedApiDetail>(enabled ? managedApiKey(id) : null, fetcher);
  return { api: data, error, isLoading };
}

export function useApprovalQueue(enabled: boolean) {
  const { data, error, isLoading } = useSWR<{ items: QueueItem[] }>(enabled ? approvalQueueKey : null, fetcher);
  return { items: data?.items, error, isLoading };
}

export function useTiers(enabled: boolean) {
  const { data } = useSWR<{ items: { id: string; name: string; requestsPerMinute: number | null }[] }>(enabled ? '/api/v1/tiers' : null, fetcher);
  return data?.items;
}

export function useEnvironmentList(enabled: boolean) {
  const { data } = useSWR<{ items: { id: string; name: string; gatewayUrl: string }[] }>(enabled ? '/api/v1/environments' : null, fetcher);
  return data?.items;
}
