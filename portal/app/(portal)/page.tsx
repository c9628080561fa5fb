import { Suspense } from 'react';
import { LoadingBlock } from '@/components/loading';
import { Catalog } from './catalog';

// The catalog reads ?q= on the client, so the shell only needs a Suspense boundary for useSearchParams.
export default function CatalogPage() {
  return (
    <Suspense fallback={<LoadingBlock rows={4} label="Loading APIs" />}>
      <Catalog />
    </Suspense>
  );
}
