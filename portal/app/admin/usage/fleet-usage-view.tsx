'use client';

import { PageHeader } from '@/components/page-header';
import { UsageBreakdown } from '@/components/usage/usage-breakdown';
import { UsageCard } from '@/components/usage/usage-card';
import { useRequireSession } from '@/lib/client/use-require-session';
import { type GatewayUsage, useFleetUsage } from '@/lib/client/use-usage';
import { AdminsOnly, isForbidden } from '../admins-only';

const GATEWAY_COLUMNS = [
  { header: 'Environment', cell: (g: GatewayUsage) => g.environment.name },
  // Exact, as the sidecar counts it; it resets when that sidecar restarts, so it is not limited to the range.
  { header: 'Dropped (since start)', cell: (g: GatewayUsage) => (g.droppedTotal === null ? 'No report yet' : g.droppedTotal.toLocaleString()) },
];

/** Traffic across every gateway of every environment, for admins. */
export function FleetUsageView() {
  const { session } = useRequireSession();
  const fleet = useFleetUsage(Boolean(session));
  if (isForbidden(fleet.error)) return <AdminsOnly />;
  return (
    <>
      <PageHeader title="Usage" description="Requests through every gateway in every environment, as the gateways report them (every few seconds)." />
      <UsageCard title="Fleet" description="Every API and application together." {...fleet}>
        {(u) => (
          <>
            <UsageBreakdown title="Environments" dimension="Environment" rows={u.environments} testId="usage-by-environment" />
            <UsageBreakdown
              title="Gateways"
              dimension="Gateway"
              rows={u.gateways.map((g) => (g.revoked ? { ...g, name: `${g.name} (revoked)` } : g))}
              extraColumns={GATEWAY_COLUMNS}
              note="Dropped: usage events a sidecar could not keep because its outbox was at the operator's cap, counted exactly since it started."
              testId="usage-by-gateway"
            />
          </>
        )}
      </UsageCard>
    </>
  );
}
