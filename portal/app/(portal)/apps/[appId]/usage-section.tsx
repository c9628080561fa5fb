'use client';

import { UsageCard } from '@/components/usage/usage-card';
import { useAppUsage } from '@/lib/client/use-usage';

export function UsageSection({ appId }: { appId: string }) {
  return <UsageCard title="Usage" description="Requests through the gateways, as they report them (every few seconds)." {...useAppUsage(appId)} />;
}
