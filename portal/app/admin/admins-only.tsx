import { EmptyState } from '@/components/empty-state';
import { ApiError } from '@/lib/client/api-error';

/** True when a load failed because the caller is not an admin (the API answers 403). */
export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}

export function AdminsOnly() {
  return <EmptyState title="Admins only">This part of the portal is for administrators.</EmptyState>;
}
