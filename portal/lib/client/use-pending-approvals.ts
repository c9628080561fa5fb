import useSWR from 'swr';
import { fetcher } from './fetcher';

export interface PendingApprovals {
  total: number;
  subscriptions: number;
  tierChanges: number;
}

export const pendingApprovalsKey = '/api/v1/publisher/subscriptions/pending-count';

/** What waits for the signed-in publisher's decision; re-read every minute and on focus, and after each decision. */
export function usePendingApprovals(enabled: boolean) {
  const { data } = useSWR<PendingApprovals>(enabled ? pendingApprovalsKey : null, fetcher, { refreshInterval: 60_000 });
  return data;
}
