'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useSession } from 'next-auth/react';
import { buttonClass } from '@/components/button';
import { cardClass } from '@/components/card';
import { LoadError } from '@/components/load-error';
import { signInHref } from '@/lib/client/callback-url';
import type { ApiDetail } from '@/lib/client/types';
import { useApps } from '@/lib/client/use-apps';
import { SubscribeForm } from './subscribe-form';

export function SubscribePanel({ api }: { api: ApiDetail }) {
  const pathname = usePathname();
  const { status } = useSession();
  const { apps, error } = useApps(status === 'authenticated');

  let body: React.ReactNode;
  if (status === 'loading' || (status === 'authenticated' && !apps && !error)) {
    body = <div className="h-24 animate-pulse rounded-md bg-zinc-100" aria-busy="true" />;
  } else if (status === 'unauthenticated') {
    body = (
      <>
        <p className="text-sm text-zinc-600">Sign in to subscribe one of your applications and get an API key.</p>
        <Link href={signInHref(pathname)} className={buttonClass('primary', 'md', 'mt-4 w-full')}>
          Sign in to subscribe
        </Link>
      </>
    );
  } else if (error) {
    body = <LoadError error={error} what="your applications" />;
  } else if (!apps || apps.length === 0) {
    body = (
      <>
        <p className="text-sm text-zinc-600">Subscriptions belong to an application. You do not have one yet.</p>
        <Link href="/apps" className={buttonClass('primary', 'md', 'mt-4 w-full')}>
          Create an application
        </Link>
      </>
    );
  } else {
    body = <SubscribeForm api={api} apps={apps} />;
  }

  return (
    <section className={`${cardClass} p-5`} aria-labelledby="subscribe-heading">
      <h2 id="subscribe-heading" className="text-base font-semibold text-zinc-900">
        Subscribe
      </h2>
      {api.requiresApproval && (
        <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Subscriptions to this API wait for approval by its publisher before keys can call it.
        </p>
      )}
      <div className="mt-4">{body}</div>
    </section>
  );
}
