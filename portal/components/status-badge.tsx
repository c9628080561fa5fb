import type { KeyStatus, SubscriptionStatus } from '@/lib/client/types';
import { Badge, type Tone } from './badge';

const tones: Record<SubscriptionStatus | KeyStatus, Tone> = {
  ACTIVE: 'success',
  PENDING: 'warning',
  REJECTED: 'danger',
  BLOCKED: 'danger',
  active: 'success',
  revoked: 'danger',
  expired: 'neutral',
};

/** A status word in a colour; the word itself is always shown, so colour is never the only signal. */
export function StatusBadge({ status }: { status: SubscriptionStatus | KeyStatus }) {
  const label = status.charAt(0).toUpperCase() + status.slice(1).toLowerCase();
  return <Badge tone={tones[status]}>{label}</Badge>;
}
