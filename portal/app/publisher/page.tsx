import type { Metadata } from 'next';
import { PublisherApisView } from './publisher-apis-view';

export const metadata: Metadata = { title: 'Publish' };

export default function PublisherPage() {
  return <PublisherApisView />;
}
