import type { Metadata } from 'next';
import { AdminNav } from '../admin-nav';
import { FleetUsageView } from './fleet-usage-view';

export const metadata: Metadata = { title: 'Usage' };

export default function UsagePage() {
  return (
    <>
      <AdminNav />
      <FleetUsageView />
    </>
  );
}
