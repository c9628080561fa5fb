'use client';

import { useState } from 'react';
import { useSWRConfig } from 'swr';
import { Card } from '@/components/card';
import { CardTable } from '@/components/card-table';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { FormError } from '@/components/form-error';
import { LoadError } from '@/components/load-error';
import { LoadingBlock } from '@/components/loading';
import { PageHeader } from '@/components/page-header';
import type { AdminUser, Role } from '@/lib/client/admin-types';
import { errorMessage } from '@/lib/client/api-error';
import { sendJson } from '@/lib/client/fetcher';
import { adminUsersKey, useAdminUsers } from '@/lib/client/use-admin-users';
import { useRequireSession } from '@/lib/client/use-require-session';
import { AdminsOnly, isForbidden } from '../admins-only';
import { UserRow } from './user-row';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function suspensionSentence(h: AdminUser['holdings']): string {
  if (h.applications === 0) return 'They own no applications, so no gateway traffic changes.';
  return `Gateways suspend the ${plural(h.keys, 'live key')} and ${plural(h.oauthClients, 'OAuth client')} of their ${plural(h.applications, 'application')} within a second (calls get 401).`;
}

export function UsersView() {
  const { session } = useRequireSession();
  const { mutate } = useSWRConfig();
  const { users, error } = useAdminUsers(Boolean(session));
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [disabling, setDisabling] = useState<AdminUser | null>(null);

  async function patch(user: AdminUser, body: { role?: Role; disabled?: boolean }) {
    setBusy(user.id);
    setActionError(null);
    try {
      await sendJson('PATCH', `${adminUsersKey}/${encodeURIComponent(user.id)}`, body);
      await mutate(adminUsersKey);
      setDisabling(null);
    } catch (err) {
      setActionError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  if (isForbidden(error)) return <AdminsOnly />;
  return (
    <>
      <PageHeader title="Users" description="Change what people may do. A disabled user's sessions and access tokens stop working on their next request." />
      {error ? (
        <LoadError error={error} what="the users" />
      ) : !users || !session ? (
        <LoadingBlock rows={3} label="Loading users" />
      ) : (
        <Card>
          <FormError message={disabling ? null : actionError} />
          <CardTable columns={['User', 'Role', 'Status', 'Joined']}>
            {users.map((u) => (
              <UserRow
                key={u.id}
                user={u}
                self={u.id === session.user.id}
                busy={busy !== null}
                onRole={(role) => patch(u, { role })}
                onDisabled={(disabled) => (disabled ? setDisabling(u) : patch(u, { disabled: false }))}
              />
            ))}
          </CardTable>
        </Card>
      )}
      <ConfirmDialog
        open={disabling !== null}
        title={`Disable ${disabling?.email ?? 'user'}?`}
        confirmLabel="Disable user"
        pending={busy !== null}
        error={actionError}
        onConfirm={() => disabling && patch(disabling, { disabled: true })}
        onCancel={() => setDisabling(null)}
      >
        <span data-testid="disable-effect">
          They are signed out of every session and their personal access tokens stop working at once.{' '}
          {disabling && suspensionSentence(disabling.holdings)} Enabling them again restores their keys and clients; their old
          sessions stay ended.
        </span>
      </ConfirmDialog>
    </>
  );
}
