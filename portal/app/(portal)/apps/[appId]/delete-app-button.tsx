'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useSWRConfig } from 'swr';
import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { errorMessage } from '@/lib/client/api-error';
import { del } from '@/lib/client/fetcher';
import type { App } from '@/lib/client/types';
import { appKey } from '@/lib/client/use-app';
import { appsKey } from '@/lib/client/use-apps';

export function DeleteAppButton({ app }: { app: App }) {
  const router = useRouter();
  const { mutate } = useSWRConfig();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleConfirm() {
    setPending(true);
    setError(null);
    try {
      await del(appKey(app.id));
      // Navigate first so this page does not refetch the app it just deleted and flash a 404.
      router.push('/apps');
      await mutate(appsKey);
    } catch (err) {
      setError(errorMessage(err));
      setPending(false);
    }
  }

  return (
    <>
      <Button variant="secondary" className="text-red-700" onClick={() => setOpen(true)}>
        Delete application
      </Button>
      <ConfirmDialog
        open={open}
        title={`Delete ${app.name}?`}
        confirmLabel="Delete application"
        pending={pending}
        error={error}
        onConfirm={handleConfirm}
        onCancel={() => {
          setOpen(false);
          setError(null);
        }}
      >
        Its subscriptions end and all of its API keys stop working at the gateways. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
