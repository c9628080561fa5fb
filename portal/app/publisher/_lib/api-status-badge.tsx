import { Badge, type Tone } from '@/components/badge';
import type { ApiStatus } from './types';

const tones: Record<ApiStatus, Tone> = { CREATED: 'neutral', PUBLISHED: 'success', DEPRECATED: 'warning', RETIRED: 'neutral', BLOCKED: 'danger' };

export function ApiStatusBadge({ status }: { status: ApiStatus }) {
  return <Badge tone={tones[status]}>{status.charAt(0) + status.slice(1).toLowerCase()}</Badge>;
}
