import type { Metadata } from 'next';
import { ImportApiView } from './import-api-view';

export const metadata: Metadata = { title: 'Import API' };

export default function ImportApiPage() {
  return <ImportApiView />;
}
