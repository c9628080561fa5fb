import type { Metadata } from 'next';
import { FleetView } from './fleet-view';

export const metadata: Metadata = { title: 'Gateways' };

export default function GatewaysPage() {
  return <FleetView />;
}
