import useSWR from 'swr';
import type { AuditEvent } from './admin-types';
import { fetcher } from './fetcher';

export const auditLogKey = (targetId: string) => `/api/v1/admin/audit${targetId ? `?targetId=${encodeURIComponent(targetId)}` : ''}`;

/** The newest audit events, optionally of one target (an API, tier, user, gateway...). */
export function useAuditLog(targetId: string, enabled = true) {
  const { data, error, isLoading } = useSWR<{ items: AuditEvent[] }>(enabled ? auditLogKey(targetId) : null, fetcher);
  return { events: data?.items, error, isLoading };
}
