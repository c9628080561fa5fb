'use client';

import { useState } from 'react';
import { useSWRConfig } from 'swr';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { FormError } from '@/components/form-error';
import { errorMessage } from '@/lib/client/api-error';
import { managedApiKey, useTiers } from '../../_lib/hooks';
import { sendJson } from '@/lib/client/fetcher';
import type { ManagedApiDetail } from '../../_lib/types';

export function TiersPanel({ api }: { api: ManagedApiDetail }) {
  const { mutate } = useSWRConfig();
  const tiers = useTiers(true);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(api.tierIds));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dirty = chosen.size !== api.tierIds.length || api.tierIds.some((t) => !chosen.has(t));

  async function save() {
    setPending(true);
    setError(null);
    try {
      await sendJson('PUT', `${managedApiKey(api.id)}/tiers`, { tierIds: [...chosen] });
      await mutate(managedApiKey(api.id));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setPending(false);
    }
  }

  return (
    <Card title="Tiers offered" description="The plans subscribers may choose. Admins define tiers.">
      <fieldset className="space-y-2">
        <legend className="sr-only">Tiers offered</legend>
        {(tiers ?? []).map((t) => (
          <label key={t.id} className="flex items-center gap-2 text-sm text-zinc-800">
            <input
              type="checkbox"
              className="size-4"
              checked={chosen.has(t.id)}
              onChange={(e) => setChosen((s) => {
                const next = new Set(s);
                if (e.target.checked) next.add(t.id);
                else next.delete(t.id);
                return next;
              })}
            />
            {t.name} <span className="text-zinc-500">{t.requestsPerMinute === null ? 'unlimited' : `${t.requestsPerMinute}/min`}</span>
          </label>
        ))}
      </fieldset>
      <div className="mt-4">
        <Button size="sm" variant="secondary" pending={pending} disabled={!dirty} onClick={save}>
          Save tiers
        </Button>
      </div>
      <FormError message={error} />
    </Card>
  );
}
