'use client';

import { useState } from 'react';
import { useSWRConfig } from 'swr';
import { Card } from '@/components/card';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { LoadError } from '@/components/load-error';
import { LoadingBlock } from '@/components/loading';
import { errorMessage } from '@/lib/client/api-error';
import { postJson } from '@/lib/client/fetcher';
import type { ApiKey, CreatedApiKey } from '@/lib/client/types';
import { appsKey } from '@/lib/client/use-apps';
import { keysKey, useKeys } from '@/lib/client/use-keys';
import { CreateKeyForm } from './create-key-form';
import { KeysTable } from './keys-table';
import { NewKeyPanel } from './new-key-panel';

export function KeysSection({ appId }: { appId: string }) {
  const { mutate } = useSWRConfig();
  const { keys, error } = useKeys(appId);
  // The plaintext lives only in this component's state: never in the SWR cache or storage, and gone on "Done".
  const [newKey, setNewKey] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [revokePending, setRevokePending] = useState(false);
  const [revokeError, setRevokeError] = useState<string | null>(null);

  async function refresh() {
    await Promise.all([mutate(keysKey(appId)), mutate(appsKey)]);
  }

  async function confirmRevoke() {
    if (!revoking) return;
    setRevokePending(true);
    setRevokeError(null);
    try {
      await postJson(`${keysKey(appId)}/${encodeURIComponent(revoking.id)}/revoke`, {});
      await refresh();
      setRevoking(null);
    } catch (err) {
      setRevokeError(errorMessage(err));
    } finally {
      setRevokePending(false);
    }
  }

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
        {error ? <LoadError error={error} what="keys" /> : !keys ? <LoadingBlock rows={1} label="Loading keys" /> : <KeysTable keys={keys} onRevoke={setRevoking} />}
      </div>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke ${revoking?.name ?? 'key'}?`}
        confirmLabel="Revoke key"
        pending={revokePending}
        error={revokeError}
        onConfirm={confirmRevoke}
        onCancel={() => {
          setRevoking(null);
          setRevokeError(null);
        }}
      >
        Gateways reject this key as soon as they sync, usually within seconds. Clients still using it will start getting 401
        answers. This cannot be undone.
      </ConfirmDialog>
    </Card>
  );
}
