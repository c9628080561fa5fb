'use client';

import { type FormEvent, useState } from 'react';
import useSWR from 'swr';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { CopyButton } from '@/components/copy-button';
import { Field } from '@/components/field';
import { FormError } from '@/components/form-error';
import { LoadError } from '@/components/load-error';
import { LoadingBlock } from '@/components/loading';
import { Notice } from '@/components/notice';
import { PageHeader } from '@/components/page-header';
import { errorMessage } from '@/lib/client/api-error';
import { del, fetcher, postJson } from '@/lib/client/fetcher';
import { formatDateTime } from '@/lib/client/format';
import { useRequireSession } from '@/lib/client/use-require-session';

interface Token {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
const KEY = '/api/v1/account/tokens';

export function TokensView() {
  const { session } = useRequireSession();
  const { data, error, isLoading, mutate } = useSWR<{ items: Token[] }>(session ? KEY : null, fetcher);
  const [name, setName] = useState('');
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  // The plaintext lives only in this state, once; it is cleared when dismissed.
  const [created, setCreated] = useState<string | null>(null);

  async function create(e: FormEvent) {
    e.preventDefault();
    setPending(true);
    setFormError(null);
    try {
      const t = await postJson<{ token: string }>(KEY, { name: name.trim() });
      setCreated(t.token);
      setName('');
      await mutate();
    } catch (err) {
      setFormError(errorMessage(err));
    } finally {
      setPending(false);
    }
  }

  async function revoke(id: string) {
    try {
      await del(`${KEY}/${encodeURIComponent(id)}`);
      await mutate();
    } catch (err) {
      setFormError(errorMessage(err));
    }
  }

  return (
    <>
      <PageHeader title="Personal access tokens" description="Tokens act as you, with your role, for scripts and CI: send `Authorization: Bearer gpat_...` to /api/v1. Disabling your account stops them at once." />
      <div className="space-y-6">
        <Card title="New token">
          <form onSubmit={create} className="flex flex-col gap-3 sm:flex-row sm:items-end">
            <Field label="Token name" className="flex-1" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. CI pipeline" maxLength={80} required />
            <Button type="submit" pending={pending} disabled={!name.trim()}>
              Create token
            </Button>
          </form>
          <FormError message={formError} />
          {created && (
            <div className="mt-4">
              <Notice tone="success" testId="token-created" onDismiss={() => setCreated(null)}>
                Copy this token now; it is not shown again.
                <span className="mt-2 flex items-center gap-2">
                  <code data-testid="new-token" className="break-all">{created}</code>
                  <CopyButton text={created} />
                </span>
              </Notice>
            </div>
          )}
        </Card>
        {error ? (
          <LoadError error={error} what="your tokens" />
        ) : !session || isLoading || !data ? (
          <LoadingBlock rows={2} label="Loading tokens" />
        ) : (
          <Card title="Your tokens">
            {data.items.length === 0 ? (
              <p className="text-sm text-zinc-600">No tokens yet.</p>
            ) : (
              <ul className="divide-y divide-zinc-100">
                {data.items.map((t) => (
                  <li key={t.id} className="flex flex-wrap items-center gap-3 py-3">
                    <span className="font-medium text-zinc-900">{t.name}</span>
                    <code className="text-sm text-zinc-500">{t.prefix}…</code>
                    <span className="text-sm text-zinc-500">{t.revokedAt ? 'Revoked' : t.lastUsedAt ? `Last used ${formatDateTime(t.lastUsedAt)}` : 'Never used'}</span>
                    {!t.revokedAt && (
                      <Button size="sm" variant="secondary" className="ml-auto" onClick={() => revoke(t.id)}>
                        Revoke
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        )}
      </div>
    </>
  );
}
