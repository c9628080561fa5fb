import { z } from 'zod';

/**
 * Sidecar -> cloud usage analytics (DESIGN.md, Analytics). One event per proxied request; never a key, an
 * Authorization header or a query string. Event ids are unique per gateway (`<outbox epoch>:<sequence>`), which is
 * what the cloud deduplicates on, so a batch sent twice is stored once.
 */
export const ANALYTICS_PATH = '/api/gateway/v1/analytics';

export const usageEventSchema = z.strictObject({
  eventId: z.string().min(1).max(80),
  /** Epoch milliseconds at the sidecar when the response finished. */
  at: z.number().int().nonnegative(),
  apiId: z.string().min(1).max(200),
  appId: z.string().min(1).max(200),
  /** The key's id (not the key): lets the portal show when each key was last used. */
  keyId: z.string().max(200).optional(),
  method: z.string().min(1).max(16),
  status: z.number().int().min(100).max(599),
  latencyMs: z.number().nonnegative().max(3_600_000),
  bytesIn: z.number().int().nonnegative(),
  bytesOut: z.number().int().nonnegative(),
});

export const usageBatchSchema = z.strictObject({
  batchId: z.string().min(1).max(120),
  node: z.string().max(100),
  /** Events this sidecar dropped since it started because its outbox was at the operator's cap (exact count). */
  droppedTotal: z.number().int().nonnegative(),
  events: z.array(usageEventSchema).max(5_000),
});

export const usageAckSchema = z.strictObject({
  batchId: z.string(),
  accepted: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
});

export type UsageEvent = z.infer<typeof usageEventSchema>;
export type UsageBatch = z.infer<typeof usageBatchSchema>;
export type UsageAck = z.infer<typeof usageAckSchema>;
