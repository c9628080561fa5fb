import type { Metadata } from 'next';
import { AdminNav } from '../admin-nav';
import { FleetView } from './fleet-view';

export const metadata: Metadata = { title: 'Gateways' };

export default function GatewaysPage() {
  return (
    <>
      <AdminNav />
      <FleetView />
    </>
  );
}
