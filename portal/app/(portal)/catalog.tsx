'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { EmptyState } from '@/components/empty-state';
import { inputClass } from '@/components/field';
import { LoadError } from '@/components/load-error';
import { LoadingBlock } from '@/components/loading';
import { PageHeader } from '@/components/page-header';
import { useApis } from '@/lib/client/use-apis';
import { useDebouncedValue } from '@/lib/client/use-debounced-value';
import { ApiCard } from './api-card';
import { OnboardingGuide } from './onboarding-guide';

export function Catalog() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  // The URL is the source of truth for the query, so a search can be shared, reloaded and navigated back to.
  const query = searchParams.get('q') ?? '';
  const [text, setText] = useState(query);
  const debounced = useDebouncedValue(text.trim(), 250);

  // The last query this input wrote to the URL. Only typing writes; a URL changed from elsewhere (the "APIs" link,
  // back/forward) resets the input instead of being overwritten by a stale search.
  const written = useRef(query);
  useEffect(() => {
    if (query === written.current) return;
    written.current = query;
    setText(query);
  }, [query]);
  useEffect(() => {
    if (debounced === written.current) return;
    written.current = debounced;
    router.replace(debounced ? `${pathname}?q=${encodeURIComponent(debounced)}` : pathname, { scroll: false });
  }, [debounced, pathname, router]);

  const { apis, error, isLoading } = useApis(query);

  return (
    <>
      <OnboardingGuide />
      <PageHeader title="API catalog" description="Find an API, subscribe an application to it and call it through the gateway with your key." />
      <div id="catalog" className="relative mb-6 max-w-xl scroll-mt-24">
        <label htmlFor="api-search" className="sr-only">
          Search APIs
        </label>
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400">
          <path fillRule="evenodd" d="M9 3.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11ZM2 9a7 7 0 1 1 12.45 4.39l3.08 3.08a.75.75 0 1 1-1.06 1.06l-3.08-3.08A7 7 0 0 1 2 9Z" clipRule="evenodd" />
        </svg>
        <input
          id="api-search"
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="Search by name, tag or description"
          autoComplete="off"
          className={`${inputClass} h-10 pl-9`}
        />
      </div>
      {error ? (
        <LoadError error={error} what="the catalog" />
      ) : isLoading && !apis ? (
        <LoadingBlock rows={4} label="Loading APIs" />
      ) : apis && apis.length > 0 ? (
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="APIs">
          {apis.map((api) => (
            <li key={api.id} className="flex min-w-0">
              <ApiCard api={api} />
            </li>
          ))}
        </ul>
      ) : query ? (
        <EmptyState title={`No APIs match “${query}”`}>Try a shorter search, or another word from the API’s name, tags or description.</EmptyState>
      ) : (
        <EmptyState title="No APIs published yet">
          APIs appear here once a publisher publishes them. Check back later, or ask your API team which APIs are on the way.
        </EmptyState>
      )}
    </>
  );
}
