'use client';

import { useEffect, useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
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
  const [grace, setGrace] = useState<number>(3600);
  // Each rotation starts from the default grace, whatever the last one chose.
  useEffect(() => {
    if (apiKey) setGrace(3600);
  }, [apiKey]);

  return (
    <ConfirmDialog
      open={apiKey !== null}
      title={`Rotate ${apiKey?.name ?? 'key'}?`}
      confirmLabel="Rotate key"
      confirmVariant="primary"
      pending={pending}
      error={error}
      onConfirm={() => onConfirm(grace)}
      onCancel={onCancel}
    >
      <p>
        A new key is issued now and shown once. The old key ({apiKey?.prefix}…) keeps working until the end of the grace period, then every gateway
        rejects it, even if it cannot reach the portal.
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
    </ConfirmDialog>
  );
}
