import { useState } from 'react';
import useSWR from 'swr';
import { fetcher } from './fetcher';

export type UsageRange = '24h' | '7d' | '30d';

export interface UsageTotals {
  requests: number;
  errorRate: number;
  throttled: number;
  p50: number | null;
  p95: number | null;
}

export interface UsageBucket {
  start: number;
  total: number;
  s2xx: number;
  s3xx: number;
  s4xx: number;
  s5xx: number;
  throttled: number;
  p50: number | null;
  p95: number | null;
}

/** What every usage answer starts with: the range drawn in buckets, and its totals. */
export interface UsageSummary {
  range: UsageRange;
  bucketMs: number;
  buckets: UsageBucket[];
  totals: UsageTotals;
}

/** One part of a breakdown (an application, environment or gateway), busiest first. */
export interface UsageShare {
  id: string;
  name: string;
  totals: UsageTotals;
}

export interface AppUsage extends UsageSummary {
  apis: { apiId: string; name: string; totals: UsageTotals }[];
}

export interface ApiConsumer extends UsageShare {
  /** This calendar month's (UTC) requests counted against the quota, and the limit of the application's tier. */
  quota: { period: string; used: number; limit: number | null } | null;
}

export interface ApiUsage extends UsageSummary {
  /** The top consuming applications; appCount says how many called at all. */
  apps: ApiConsumer[];
  appCount: number;
  environments: UsageShare[];
}

export interface GatewayUsage extends UsageShare {
  environment: { id: string; name: string };
  revoked: boolean;
  /** Events the sidecar dropped at its outbox cap since it started, as last reported; null if it never reported. */
  droppedTotal: number | null;
  lastReportAt: string | null;
}

export interface FleetUsage extends UsageSummary {
  environments: UsageShare[];
  gateways: GatewayUsage[];
}

/**
 * A usage view's data and its chosen range, which the view's controls change. Usage arrives from gateways in batches
 * every few seconds, so every usage view refreshes on its own.
 */
function useUsageAt<T extends UsageSummary>(url: string, enabled: boolean) {
  const [range, setRange] = useState<UsageRange>('24h');
  const { data, error } = useSWR<T>(enabled ? `${url}?range=${range}` : null, fetcher, { refreshInterval: 5000 });
  return { range, setRange, usage: data, error: error as unknown };
}

export const useAppUsage = (appId: string, enabled = true) => useUsageAt<AppUsage>(`/api/v1/apps/${encodeURIComponent(appId)}/usage`, enabled);

export const useApiUsage = (apiId: string, enabled = true) => useUsageAt<ApiUsage>(`/api/v1/publisher/apis/${encodeURIComponent(apiId)}/usage`, enabled);

export const useFleetUsage = (enabled = true) => useUsageAt<FleetUsage>('/api/v1/admin/usage', enabled);
