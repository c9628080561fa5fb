'use client';

import { type FormEvent, useState } from 'react';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { Field } from '@/components/field';
import { LoadError } from '@/components/load-error';
import { LoadingBlock } from '@/components/loading';
import { PageHeader } from '@/components/page-header';
import { useAuditLog } from '@/lib/client/use-audit-log';
import { useRequireSession } from '@/lib/client/use-require-session';
import { AdminsOnly, isForbidden } from '../admins-only';
import { AuditTable } from './audit-table';

export function AuditView() {
  const { session } = useRequireSession();
  const [draft, setDraft] = useState('');
  const [targetId, setTargetId] = useState('');
  const { events, error } = useAuditLog(targetId, Boolean(session));

  function filter(id: string) {
    setDraft(id);
    setTargetId(id.trim());
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    filter(draft);
  }

  if (isForbidden(error)) return <AdminsOnly />;
  return (
    <>
      <PageHeader title="Audit log" description="Who changed what, and when: APIs, tiers, users, gateways, environments and settings. Newest first." />
      <search className="mb-6">
      <form onSubmit={submit} className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <Field className="sm:w-96" label="Target id" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="api_..., tier_..., usr_..., gw_..." />
        <div className="flex gap-2">
          <Button type="submit" variant="secondary">
            Filter
          </Button>
          {targetId && (
            <Button variant="ghost" onClick={() => filter('')}>
              Show all
            </Button>
          )}
        </div>
      </form>
      </search>
      {error ? (
        <LoadError error={error} what="the audit log" />
      ) : !events ? (
        <LoadingBlock rows={4} label="Loading the audit log" />
      ) : (
        <Card>
          <AuditTable events={events} onTarget={filter} />
        </Card>
      )}
    </>
  );
}
