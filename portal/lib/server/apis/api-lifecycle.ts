import type { ApiStatus } from '../db/schema';

/**
 * The lifecycle: CREATED -> PUBLISHED -> DEPRECATED -> RETIRED, and BLOCKED (an emergency stop the gateways answer
 * with 403) from and back to the live states. RETIRED is final: its context may be reused only by a new version.
 */
export const API_TRANSITIONS: Record<ApiStatus, readonly ApiStatus[]> = {
  CREATED: ['PUBLISHED'],
  PUBLISHED: ['DEPRECATED', 'BLOCKED'],
  DEPRECATED: ['PUBLISHED', 'RETIRED', 'BLOCKED'],
  BLOCKED: ['PUBLISHED', 'DEPRECATED', 'RETIRED'],
  RETIRED: [],
};

export const API_STATUSES = ['CREATED', 'PUBLISHED', 'DEPRECATED', 'RETIRED', 'BLOCKED'] as const satisfies readonly ApiStatus[];
