import useSWR from 'swr';
import type { AdminUser } from './admin-types';
import { fetcher } from './fetcher';

export const adminUsersKey = '/api/v1/admin/users';

export function useAdminUsers(enabled = true) {
  const { data, error, isLoading } = useSWR<{ items: AdminUser[] }>(enabled ? adminUsersKey : null, fetcher);
  return { users: data?.items, error, isLoading };
}
