import type { Generated } from 'kysely';

/** Usage tables: raw events from the gateways, their hourly rollups, quota counters and per-gateway totals. */

export interface UsageHourlyTable {
  /** Epoch milliseconds of the hour's start (UTC). */
  hour: number;
  gateway_id: string;
  environment_id: string;
  api_id: string;
  app_id: string;
  requests: number;
  s2xx: number;
  s3xx: number;
  s4xx: number;
  s5xx: number;
  throttled: number;
  /** JSON: a sparse LatencyHistogram (see usage/latency-histogram.ts). */
  latency_hist: string;
}

export interface QuotaUsageTable {
  app_id: string;
  api_id: string;
  /** Calendar month in UTC, `YYYY-MM`. */
  period: string;
  gateway_id: string;
  node: string;
  used: number;
}

export interface UsageEventsTable {
  gateway_id: string;
  event_id: string;
  environment_id: string;
  api_id: string;
  app_id: string;
  key_id: string | null;
  method: string;
  status: number;
  latency_ms: number;
  bytes_in: number;
  bytes_out: number;
  at: number;
  /** 'rate' or 'quota' when the gateway refused the request itself; null for requests it let through. */
  refused: string | null;
}

export interface GatewayUsageStatsTable {
  gateway_id: string;
  dropped_total: number;
  events_total: number;
  /** Events refused because they named traffic the gateway's environment does not route. */
  rejected_total: Generated<number>;
  last_batch_at: string;
}
