'use client';

import { Card } from '@/components/card';
import { LoadError } from '@/components/load-error';
import { LoadingBlock } from '@/components/loading';
import { PageHeader } from '@/components/page-header';
import { useImportSettings } from '@/lib/client/use-import-settings';
import { useRequireSession } from '@/lib/client/use-require-session';
import { AdminsOnly, isForbidden } from '../admins-only';
import { ImportSettingsForm } from './import-settings-form';

export function SettingsView() {
  const { session } = useRequireSession();
  const { settings, error } = useImportSettings(Boolean(session));
  if (isForbidden(error)) return <AdminsOnly />;
  return (
    <>
      <PageHeader title="Settings" description="Portal-wide settings. Every change is recorded in the audit log." />
      {error ? (
        <LoadError error={error} what="the settings" />
      ) : !settings ? (
        <LoadingBlock rows={2} label="Loading settings" />
      ) : (
        <Card
          title="OpenAPI import from URLs"
          description="Publishers may import a document from a URL. The portal refuses loopback, link-local and private addresses (SSRF guard) unless the address falls in a range listed here, such as an intranet docs host."
        >
          <ImportSettingsForm allowedCidrs={settings.allowedCidrs} />
        </Card>
      )}
    </>
  );
}
