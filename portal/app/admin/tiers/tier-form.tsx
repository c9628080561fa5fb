'use client';

import { type FormEvent, useState } from 'react';
import { Button } from '@/components/button';
import { Field } from '@/components/field';
import { FormError } from '@/components/form-error';
import type { Tier, TierInput } from '@/lib/client/admin-types';
import { ApiError, errorMessage } from '@/lib/client/api-error';

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
// An empty limit means "unlimited" (null on the wire), which is what the tier schema expects.
const limit = (s: string) => (s.trim() === '' ? null : Number(s));

/** Creates a tier, or edits one when `tier` is given. */
export function TierForm({ tier, onSave, onCancel }: { tier?: Tier; onSave: (input: TierInput) => Promise<void>; onCancel?: () => void }) {
  const [name, setName] = useState(tier?.name ?? '');
  const [description, setDescription] = useState(tier?.description ?? '');
  const [rpm, setRpm] = useState(text(tier?.requestsPerMinute));
  const [burst, setBurst] = useState(text(tier?.burst));
  const [quota, setQuota] = useState(text(tier?.monthlyQuota));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | string | null>(null);
  const fieldError = (path: string) => (error instanceof ApiError ? error.errors.find((e) => e.path === path)?.message : undefined);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    try {
      await onSave({ name: name.trim(), description: description.trim(), requestsPerMinute: limit(rpm), burst: limit(burst), monthlyQuota: limit(quota) });
      if (!tier) {
        setName('');
        setDescription('');
        setRpm('');
        setBurst('');
        setQuota('');
      }
    } catch (err) {
      setError(err instanceof ApiError ? err : errorMessage(err));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-label={tier ? `Edit ${tier.name}` : 'New tier'}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Tier name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} error={fieldError('name')} />
        <Field label="Description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={300} error={fieldError('description')} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Requests per minute" type="number" min={1} inputMode="numeric" value={rpm} onChange={(e) => setRpm(e.target.value)} hint="Empty: unlimited" error={fieldError('requestsPerMinute')} />
        <Field label="Burst" type="number" min={0} inputMode="numeric" value={burst} onChange={(e) => setBurst(e.target.value)} hint="Extra requests allowed at once" error={fieldError('burst')} />
        <Field label="Monthly quota" type="number" min={1} inputMode="numeric" value={quota} onChange={(e) => setQuota(e.target.value)} hint="Empty: no quota" error={fieldError('monthlyQuota')} />
      </div>
      <FormError message={error instanceof ApiError ? error.detail : error} />
      <div className="flex gap-2">
        <Button type="submit" size="sm" pending={pending} disabled={!name.trim()}>
          {tier ? 'Save tier' : 'Create tier'}
        </Button>
        {onCancel && (
          <Button size="sm" variant="secondary" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
