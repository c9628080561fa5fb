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

export interface AppUsage {
  range: UsageRange;
  bucketMs: number;
  buckets: UsageBucket[];
  totals: UsageTotals;
  apis: { apiId: string; name: string; totals: UsageTotals }[];
}

/** Usage arrives from gateways in batches every few seconds, so the view refreshes on its own. */
export function useAppUsage(appId: string, range: UsageRange, enabled = true) {
  const url = `/api/v1/apps/${encodeURIComponent(appId)}/usage?range=${range}`;
  const { data, error } = useSWR<AppUsage>(enabled ? url : null, fetcher, { refreshInterval: 5000 });
  return { usage: data, error };
}
