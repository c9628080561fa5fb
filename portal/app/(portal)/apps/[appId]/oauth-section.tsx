'use client';

import { type FormEvent, useState } from 'react';
import { useSWRConfig } from 'swr';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Field } from '@/components/field';
import { FormError } from '@/components/form-error';
import { LoadError } from '@/components/load-error';
import { LoadingBlock } from '@/components/loading';
import { useToast } from '@/components/toast';
import { postJson } from '@/lib/client/fetcher';
import { useAction } from '@/lib/client/use-action';
import { useConfirm } from '@/lib/client/use-confirm';
import { type CreatedOAuthClient, type OAuthClient, oauthClientsKey, useOAuthClients } from './oauth-clients-data';
import { OAuthClientsTable } from './oauth-clients-table';
import { NewOAuthClientPanel } from './new-oauth-client-panel';

/** OAuth2 client credentials for this application: create a client (secret shown once), list, revoke. */
export function OAuthSection({ appId }: { appId: string }) {
  const { mutate } = useSWRConfig();
  const { clients, error } = useOAuthClients(appId);
  // The secret lives only in this component's state: never in the SWR cache or storage, and gone on "Done".
  const [created, setCreated] = useState<CreatedOAuthClient | null>(null);
  const [name, setName] = useState('');
  const toast = useToast();

  const create = useAction(async () => {
    setCreated(await postJson<CreatedOAuthClient>(oauthClientsKey(appId), { name: name.trim() }));
    setName('');
    await mutate(oauthClientsKey(appId));
  });

  const revoke = useConfirm(async (client: OAuthClient) => {
    await postJson(`${oauthClientsKey(appId)}/${encodeURIComponent(client.clientId)}/revoke`, {});
    await mutate(oauthClientsKey(appId));
    toast(`Revoked ${client.name}. Gateways reject its tokens from their next sync.`);
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    void create.run();
  }

  return (
    <Card title="OAuth clients" description="For services that use OAuth2 client credentials: exchange the client ID and secret for a short-lived access token.">
      <div className="space-y-5">
        <form onSubmit={submit} className="space-y-3">
          <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
            <Field label="Client name" className="flex-1" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. billing-service" maxLength={80} />
            <Button type="submit" pending={create.pending}>
              Create OAuth client
            </Button>
          </div>
          <FormError message={create.error} />
        </form>
        {created && <NewOAuthClientPanel client={created} onDone={() => setCreated(null)} />}
        {error ? <LoadError error={error} what="OAuth clients" /> : !clients ? <LoadingBlock rows={1} label="Loading OAuth clients" /> : <OAuthClientsTable clients={clients} onRevoke={revoke.ask} />}
      </div>
      <ConfirmDialog
        open={revoke.target !== null}
        title={`Revoke the secret of ${revoke.target?.name ?? 'this client'}?`}
        confirmLabel="Revoke secret"
        pending={revoke.pending}
        error={revoke.error}
        onConfirm={revoke.run}
        onCancel={revoke.cancel}
      >
        The token endpoint refuses this client at once, and gateways reject the tokens it already holds as soon as they sync, usually within
        seconds. This cannot be undone.
      </ConfirmDialog>
    </Card>
  );
}
