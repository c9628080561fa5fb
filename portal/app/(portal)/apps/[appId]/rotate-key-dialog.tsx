'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/button';
import { FormError } from '@/components/form-error';
import type { ApiKey } from '@/lib/client/types';

export const GRACE_OPTIONS = [
  { seconds: 0, label: 'Now', hint: 'The old key stops working at once.' },
  { seconds: 3600, label: '1 hour', hint: 'Time to swap the key in one running service.' },
  { seconds: 86_400, label: '24 hours', hint: 'Time for a normal deploy.' },
  { seconds: 604_800, label: '7 days', hint: 'Time for clients you do not deploy yourself.' },
] as const;

/** Chooses how long the old key keeps working after rotation; gateways enforce the deadline on their own clocks. */
export function RotateKeyDialog({ apiKey, pending, error, onConfirm, onCancel }: {
  apiKey: ApiKey | null;
  pending: boolean;
  error: string | null;
  onConfirm: (graceSeconds: number) => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [grace, setGrace] = useState<number>(3600);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (apiKey && !d.open) {
      setGrace(3600);
      d.showModal();
    }
    if (!apiKey && d.open) d.close();
  }, [apiKey]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!pending) onCancel();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/40"
    >
      {apiKey && (
        <form
          className="p-6"
          onSubmit={(e) => {
            e.preventDefault();
            onConfirm(grace);
          }}
        >
          <h2 id={titleId} className="text-lg font-semibold">
            Rotate {apiKey.name}?
          </h2>
          <p className="mt-2 text-sm text-zinc-600">
            A new key is issued now and shown once. The old key ({apiKey.prefix}…) keeps working until the end of the grace period, then every
            gateway rejects it, even if it cannot reach the portal.
          </p>
          <fieldset className="mt-4 space-y-2">
            <legend className="mb-2 text-sm font-medium text-zinc-800">Old key keeps working for</legend>
            {GRACE_OPTIONS.map((o) => (
              <label key={o.seconds} className="flex cursor-pointer items-start gap-3 rounded-md border border-zinc-200 px-3 py-2 has-checked:border-indigo-400 has-checked:bg-indigo-50">
                <input type="radio" name="grace" value={o.seconds} checked={grace === o.seconds} onChange={() => setGrace(o.seconds)} className="mt-1 accent-indigo-600" />
                <span className="text-sm">
                  <span className="font-medium text-zinc-900">{o.label}</span>
                  <span className="block text-zinc-600">{o.hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="mt-4">
            <FormError message={error} testId="dialog-error" />
          </div>
          <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={onCancel} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" pending={pending}>
              Rotate key
            </Button>
          </div>
        </form>
      )}
    </dialog>
  );
}
