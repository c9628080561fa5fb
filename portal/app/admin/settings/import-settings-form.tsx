'use client';

import { type FormEvent, useId, useState } from 'react';
import { useSWRConfig } from 'swr';
import { Button } from '@/components/button';
import { inputClass } from '@/components/field';
import { FormError } from '@/components/form-error';
import { Notice } from '@/components/notice';
import { ApiError, errorMessage } from '@/lib/client/api-error';
import { sendJson } from '@/lib/client/fetcher';
import { importSettingsKey } from '@/lib/client/use-import-settings';

export function ImportSettingsForm({ allowedCidrs }: { allowedCidrs: string[] }) {
  const { mutate } = useSWRConfig();
  const id = useId();
  const [text, setText] = useState(allowedCidrs.join('\n'));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    setSaved(false);
    const cidrs = text.split(/[\s,]+/).map((c) => c.trim()).filter(Boolean);
    try {
      await sendJson('PUT', importSettingsKey, { allowedCidrs: cidrs });
      await mutate(importSettingsKey);
      setSaved(true);
    } catch (err) {
      // Name the ranges the server refused, not just "invalid request".
      const bad = err instanceof ApiError ? err.errors.map((f) => cidrs[Number(f.path.split('.')[1])]).filter(Boolean) : [];
      setError(bad.length > 0 ? `Not IP ranges: ${bad.join(', ')}` : errorMessage(err));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        Allowed private ranges (one CIDR per line)
      </label>
      <textarea
        id={id}
        rows={5}
        className={`${inputClass} font-mono`}
        value={text}
        placeholder={'10.1.0.0/16\nfd00:1234::/32'}
        onChange={(e) => {
          setText(e.target.value);
          setSaved(false);
        }}
      />
      <FormError message={error} />
      {saved && <Notice tone="success" testId="settings-saved">Saved. URL imports may now reach these ranges.</Notice>}
      <Button type="submit" size="sm" pending={pending}>
        Save ranges
      </Button>
    </form>
  );
}
