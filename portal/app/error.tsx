'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import { Button, buttonClass } from '@/components/button';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <p className="text-sm font-semibold text-red-600">Error</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-zinc-900">Something went wrong</h1>
      <p className="mt-3 text-zinc-600">
        This page failed to load. Try again; if it keeps happening, the problem is on our side.
        {error.digest && <span className="mt-2 block font-mono text-xs text-zinc-500">Reference: {error.digest}</span>}
      </p>
      <div className="mt-8 flex justify-center gap-3">
        <Button onClick={reset}>Try again</Button>
        <Link href="/" className={buttonClass('secondary')}>
          Go to the catalog
        </Link>
      </div>
    </div>
  );
}
