'use client';

import Link from 'next/link';
import { useSession } from 'next-auth/react';
import { useEffect, useState } from 'react';
import useSWR from 'swr';
import { buttonClass } from '@/components/button';
import { cardClass } from '@/components/card';
import { fetcher } from '@/lib/client/fetcher';
import { hasTriedIt, isOnboardingDismissed, setOnboardingDismissed } from '@/lib/client/try-it-progress';
import type { AppListItem } from '@/lib/client/types';
import { useApps } from '@/lib/client/use-apps';
import { useSubscriptions } from '@/lib/client/use-subscriptions';
import type { AppUsage } from '@/lib/client/use-usage';

interface Step {
  id: string;
  title: string;
  detail: string;
  done: boolean;
  href: string;
  cta: string;
}

/** A 2xx through a gateway in the last 30 days for any of these apps: proof that a key worked, from any client. */
function useAnySuccess(apps: AppListItem[]) {
  const withKeys = apps.filter((a) => a.activeKeys > 0).slice(0, 5);
  const { data } = useSWR(withKeys.length ? ['onboarding-usage', ...withKeys.map((a) => a.id)] : null, async () => {
    const usages = await Promise.all(withKeys.map((a) => fetcher<AppUsage>(`/api/v1/apps/${encodeURIComponent(a.id)}/usage?range=30d`).catch(() => null)));
    return usages.some((u) => (u?.buckets ?? []).some((b) => b.s2xx > 0));
  });
  return data === true;
}

function steps(apps: AppListItem[], firstApiId: string | null, tried: boolean): Step[] {
  const app = apps.find((a) => a.subscriptions > 0) ?? apps[0];
  const appHref = app ? `/apps/${encodeURIComponent(app.id)}` : '/apps';
  return [
    { id: 'app', title: 'Create an application', detail: 'It holds your subscriptions and keys.', done: apps.length > 0, href: '/apps', cta: 'Create one' },
    { id: 'subscribe', title: 'Subscribe to an API', detail: 'Pick an API below and a tier.', done: apps.some((a) => a.subscriptions > 0), href: '#catalog', cta: 'Browse APIs' },
    { id: 'key', title: 'Get a key', detail: 'Shown once; the portal keeps only a hash.', done: apps.some((a) => a.activeKeys > 0), href: appHref, cta: 'Create a key' },
    { id: 'try', title: 'Make a call', detail: 'Try it from the API’s page, through the gateway.', done: tried, href: firstApiId ? `/apis/${encodeURIComponent(firstApiId)}` : '#catalog', cta: 'Try it' },
  ];
}

/** The first-run checklist on the home page; every tick is derived from real data, so it cannot drift. */
export function OnboardingGuide() {
  const { status } = useSession();
  const { apps } = useApps(status === 'authenticated');
  const subscribedApp = apps?.find((a) => a.subscriptions > 0);
  const { subscriptions } = useSubscriptions(subscribedApp?.id ?? '', Boolean(subscribedApp));
  const usageSuccess = useAnySuccess(apps ?? []);
  // localStorage is read after mount so the server's markup and the first client render agree.
  const [local, setLocal] = useState<{ dismissed: boolean; tried: boolean } | null>(null);
  useEffect(() => setLocal({ dismissed: isOnboardingDismissed(), tried: hasTriedIt() }), []);

  if (status !== 'authenticated' || !apps || !local || local.dismissed) return null;
  const list = steps(apps, subscriptions?.[0]?.api.id ?? null, local.tried || usageSuccess);
  const done = list.filter((s) => s.done).length;
  const next = list.find((s) => !s.done);

  function dismiss() {
    setOnboardingDismissed(true);
    setLocal((l) => (l ? { ...l, dismissed: true } : l));
  }

  return (
    <section className={`${cardClass} mb-8 p-5`} aria-labelledby="onboarding-heading" data-testid="onboarding">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="onboarding-heading" className="text-base font-semibold text-zinc-900">
            {next ? 'Get started: your first call in four steps' : 'You’re all set'}
          </h2>
          <p className="mt-1 text-sm text-zinc-600" data-testid="onboarding-progress">
            {done} of {list.length} done
          </p>
        </div>
        <button type="button" onClick={dismiss} className={buttonClass('ghost', 'sm')}>
          {next ? 'Hide guide' : 'Dismiss'}
        </button>
      </div>
      <div className="mt-3 h-1.5 overflow-hidden rounded-full bg-zinc-100" aria-hidden="true">
        <div className="h-full rounded-full bg-indigo-600 transition-[width]" style={{ width: `${(done / list.length) * 100}%` }} />
      </div>
      <ol className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {list.map((s, i) => (
          <li key={s.id} data-testid={`onboarding-step-${s.id}`} data-done={s.done} className={`rounded-lg border p-3 ${s === next ? 'border-indigo-300 bg-indigo-50/60' : 'border-zinc-200'}`}>
            <div className="flex items-center gap-2">
              <span aria-hidden="true" className={`grid size-6 shrink-0 place-items-center rounded-full text-xs font-semibold ${s.done ? 'bg-emerald-600 text-white' : 'bg-zinc-100 text-zinc-600'}`}>
                {s.done ? '✓' : i + 1}
              </span>
              <h3 className="text-sm font-medium text-zinc-900">
                {s.title}
                <span className="sr-only">{s.done ? ' (done)' : ' (to do)'}</span>
              </h3>
            </div>
            <p className="mt-1.5 text-xs text-zinc-600">{s.detail}</p>
            {s === next && (
              <Link href={s.href} className={buttonClass('primary', 'sm', 'mt-3')}>
                {s.cta}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
