'use client';

import { UsageBreakdown } from '@/components/usage/usage-breakdown';
import { UsageCard } from '@/components/usage/usage-card';
import { formatCount, plural } from '@/lib/client/format';
import { type ApiConsumer, useApiUsage } from '@/lib/client/use-usage';

// The month's count whatever the range: quotas run by calendar month.
function quotaCell({ quota }: ApiConsumer) {
  if (!quota) return '—';
  return quota.limit === null ? `${formatCount(quota.used)} (no quota)` : `${formatCount(quota.used)} / ${formatCount(quota.limit)}`;
}

/** This API version's traffic at every gateway it is deployed to, with who calls it most and where. */
export function ApiUsageSection({ apiId }: { apiId: string }) {
  return (
    <UsageCard title="Usage" description="Requests to this version through every gateway, as they report them (every few seconds)." className="lg:col-span-2" {...useApiUsage(apiId)}>
      {(u) => (
        <div className="grid gap-x-8 lg:grid-cols-2">
          <UsageBreakdown
            title="Top applications"
            dimension="Application"
            rows={u.apps}
            note={u.appCount > u.apps.length ? `The ${u.apps.length} busiest of ${plural(u.appCount, 'application')}.` : undefined}
            testId="usage-by-app"
            extraColumns={[{ header: 'Quota this month', cell: quotaCell }]}
          />
          <UsageBreakdown title="Environments" dimension="Environment" rows={u.environments} testId="usage-by-environment" />
        </div>
      )}
    </UsageCard>
  );
}
