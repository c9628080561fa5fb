import type { Metadata } from 'next';
import { FleetUsageView } from './fleet-usage-view';

export const metadata: Metadata = { title: 'Usage' };

export default function UsagePage() {
  return <FleetUsageView />;
}
