import type { Metadata } from 'next';
import { TiersView } from './tiers-view';

export const metadata: Metadata = { title: 'Tiers' };

export default function TiersPage() {
  return <TiersView />;
}
