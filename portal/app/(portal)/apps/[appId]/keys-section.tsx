'use client';

import { useState } from 'react';
import { useSWRConfig } from 'swr';
import { Card } from '@/components/card';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { LoadError } from '@/components/load-error';
import { LoadingBlock } from '@/components/loading';
import { postJson } from '@/lib/client/fetcher';
import { useToast } from '@/components/toast';
import { formatExpiry } from '@/lib/client/format';
import { useConfirm } from '@/lib/client/use-confirm';
import type { ApiKey, CreatedApiKey, RotatedApiKey } from '@/lib/client/types';
import { appsKey } from '@/lib/client/use-apps';
import { keysKey, useKeys } from '@/lib/client/use-keys';
import { CreateKeyForm } from './create-key-form';
import { KeysTable } from './keys-table';
import { NewKeyPanel } from './new-key-panel';
import { RotateKeyDialog } from './rotate-key-dialog';

export function KeysSection({ appId }: { appId: string }) {
  const { mutate } = useSWRConfig();
  const { keys, error } = useKeys(appId);
  // The plaintext lives only in this component's state: never in the SWR cache or storage, and gone on "Done".
  const [newKey, setNewKey] = useState<CreatedApiKey | null>(null);
  const toast = useToast();

  async function refresh() {
    await Promise.all([mutate(keysKey(appId)), mutate(appsKey)]);
  }

  const revoke = useConfirm(async (key: ApiKey) => {
    await postJson(`${keysKey(appId)}/${encodeURIComponent(key.id)}/revoke`, {});
    await refresh();
    toast(`Revoked ${key.name}. Gateways reject it from their next sync.`);
  });

  const rotate = useConfirm(async (key: ApiKey, graceSeconds: number) => {
    // Like creation, the answer holds a plaintext: component state only, never the SWR cache.
    const rotated = await postJson<RotatedApiKey>(`${keysKey(appId)}/${encodeURIComponent(key.id)}/rotate`, { graceSeconds });
    setNewKey(rotated.key);
    toast(graceSeconds === 0 ? 'Key rotated. The old key no longer works.' : `Key rotated. The old key works until ${formatExpiry(rotated.previous.expiresAt)}.`);
    await refresh();
  });

  return (
    <Card title="API keys" description="Send a key in the x-api-key header. Each key works for every API this application subscribes to.">
      <div className="space-y-5">
        <CreateKeyForm
          appId={appId}
          onCreated={async (created) => {
            setNewKey(created);
            await refresh();
          }}
        />
        {newKey && <NewKeyPanel appId={appId} plaintext={newKey.key} keyName={newKey.name} onDone={() => setNewKey(null)} />}
        {error ? <LoadError error={error} what="keys" /> : !keys ? <LoadingBlock rows={1} label="Loading keys" /> : <KeysTable keys={keys} onRevoke={revoke.ask} onRotate={rotate.ask} />}
      </div>
      <RotateKeyDialog apiKey={rotate.target} pending={rotate.pending} error={rotate.error} onConfirm={rotate.run} onCancel={rotate.cancel} />
      <ConfirmDialog
        open={revoke.target !== null}
        title={`Revoke ${revoke.target?.name ?? 'key'}?`}
        confirmLabel="Revoke key"
        pending={revoke.pending}
        error={revoke.error}
        onConfirm={revoke.run}
        onCancel={revoke.cancel}
      >
        Gateways reject this key as soon as they sync, usually within seconds. Clients still using it will start getting 401
        answers. This cannot be undone.
      </ConfirmDialog>
    </Card>
  );
}
