import { Badge, type Tone } from '@/components/badge';
import type { GatewayStatus } from '@/lib/client/fleet-types';

const TONES: Record<GatewayStatus, Tone> = { online: 'success', stale: 'warning', offline: 'danger', revoked: 'neutral' };

/** The status word is always shown, so colour is never the only signal. */
export function GatewayStatusBadge({ status }: { status: GatewayStatus }) {
  return <Badge tone={TONES[status]}>{status.charAt(0).toUpperCase() + status.slice(1)}</Badge>;
}
