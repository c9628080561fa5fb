import type { Metadata } from 'next';
import { AppsView } from './apps-view';

export const metadata: Metadata = { title: 'Applications' };

export default function AppsPage() {
  return <AppsView />;
}
