'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useSession } from 'next-auth/react';
import { useState } from 'react';
import { useSWRConfig } from 'swr';
import { Button } from '@/components/button';
import { inputClass, SelectField } from '@/components/field';
import { FormError } from '@/components/form-error';
import { useToast } from '@/components/toast';
import { errorMessage } from '@/lib/client/api-error';
import { signInHref } from '@/lib/client/callback-url';
import { fetcher, postJson } from '@/lib/client/fetcher';
import { forgetTryItKeys, rememberTryItKey, storedTryItKey } from '@/lib/client/try-it-key-store';
import type { ApiKey, CreatedApiKey, ListResponse } from '@/lib/client/types';
import { appsKey, useApps } from '@/lib/client/use-apps';
import { keysKey } from '@/lib/client/use-keys';
import { useSubscribedApps } from '@/lib/client/use-subscribed-apps';

/** Try-it keys live one hour: long enough to explore, short enough that a forgotten one is harmless. */
const TRY_IT_KEY_MS = 3_600_000;

export function KeyPicker({ apiId, apiKey, onKey }: { apiId: string; apiKey: string; onKey: (key: string) => void }) {
  const pathname = usePathname();
  const toast = useToast();
  const { mutate } = useSWRConfig();
  const { status, data: session } = useSession();
  const { apps } = useApps(status === 'authenticated');
  const { subscribed } = useSubscribedApps(apiId, status === 'authenticated' ? apps : undefined);
  const [appId, setAppId] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosen = subscribed?.find((s) => s.app.id === appId) ?? subscribed?.[0];

  /** Hands back the live try-it key this tab already holds for the application, if the server still lets it through. */
  async function reusableKey(userId: string, appId: string): Promise<{ key: string; minutesLeft: number } | null> {
    const stored = storedTryItKey(userId, appId);
    if (!stored) return null;
    // Revoked on the application page since? Then it is of no use and a new one is made.
    const { items } = await fetcher<ListResponse<ApiKey>>(keysKey(appId));
    if (items.some((k) => k.id === stored.keyId && k.status === 'active')) {
      return { key: stored.key, minutesLeft: Math.floor((Date.parse(stored.expiresAt) - Date.now()) / 60_000) };
    }
    forgetTryItKeys({ userId, appId });
    return null;
  }

  async function createTryItKey() {
    if (!chosen) return;
    const userId = session?.user.id;
    setPending(true);
    setError(null);
    try {
      const reused = userId ? await reusableKey(userId, chosen.app.id) : null;
      if (reused) {
        onKey(reused.key);
        toast(`Using the try-it key you created for ${chosen.app.name}; it expires in ${reused.minutesLeft} min.`);
        return;
      }
      // Not an SWR mutation: the answer holds the plaintext, which stays in this tab only (try-it-key-store.ts).
      const created = await postJson<CreatedApiKey>(keysKey(chosen.app.id), { name: 'try-it', expiresAt: new Date(Date.now() + TRY_IT_KEY_MS).toISOString() });
      if (userId && created.expiresAt) rememberTryItKey({ userId, appId: chosen.app.id, keyId: created.id, key: created.key, expiresAt: created.expiresAt });
      onKey(created.key);
      toast(`Try-it key created for ${chosen.app.name}; it expires in 1 hour.`);
      await Promise.all([mutate(keysKey(chosen.app.id)), mutate(appsKey)]);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setPending(false);
    }
  }

  let source: React.ReactNode;
  if (status === 'unauthenticated') {
    source = (
      <p className="text-sm text-zinc-600">
        <Link href={signInHref(pathname)} className="font-medium text-indigo-600 hover:underline">
          Sign in
        </Link>{' '}
        to create a short-lived key here, or paste one of your keys below.
      </p>
    );
  } else if (!subscribed) {
    source = <div className="h-10 animate-pulse rounded-md bg-zinc-100" aria-busy="true" />;
  } else if (subscribed.length === 0) {
    source = <p className="text-sm text-zinc-600">None of your applications has an active subscription to this API yet. Subscribe one (on the right, or below on a phone), then create a try-it key here.</p>;
  } else {
    source = (
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <SelectField label="Application" className="flex-1" value={chosen?.app.id ?? ''} onChange={(e) => setAppId(e.target.value)}>
          {subscribed.map((s) => (
            <option key={s.app.id} value={s.app.id}>
              {s.app.name} ({s.subscription.tier.name})
            </option>
          ))}
        </SelectField>
        <Button variant="secondary" onClick={createTryItKey} pending={pending}>
          Create a try-it key
        </Button>
      </div>
    );
  }

  return (
    <div className="space-y-3">
      {source}
      <FormError message={error} />
      <div>
        <label htmlFor="try-key" className="mb-1.5 block text-sm font-medium text-zinc-800">
          API key
        </label>
        <input
          id="try-key"
          className={`${inputClass} font-mono`}
          value={apiKey}
          onChange={(e) => onKey(e.target.value.trim())}
          placeholder="gk_… (sent as x-api-key)"
          autoComplete="off"
          spellCheck={false}
        />
      </div>
    </div>
  );
}
