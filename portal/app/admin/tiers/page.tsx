import type { Metadata } from 'next';
import { AdminNav } from '../admin-nav';
import { TiersView } from './tiers-view';

export const metadata: Metadata = { title: 'Tiers' };

export default function TiersPage() {
  return (
    <>
      <AdminNav />
      <TiersView />
    </>
  );
}
