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
  /** Set when the gateway itself refused the request (429): such requests do not count against the monthly quota. */
  refused: z.enum(['rate', 'quota']).optional(),
});

export const usageBatchSchema = z.strictObject({
  batchId: z.string().min(1).max(120),
  node: z.string().max(100),
  /** Events this sidecar dropped since it started because its outbox was at the operator's cap (exact count). */
  droppedTotal: z.number().int().nonnegative(),
  events: z.array(usageEventSchema).max(5_000),
});

/** A calendar month in UTC, `YYYY-MM`: the monthly quota's period everywhere. */
export const quotaPeriodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/**
 * The cloud's count of a subscription's admitted requests in a period: `used` across every gateway of every
 * environment, and `usedHere` from the node that sent the acknowledged batch. Sent back with each acknowledgement
 * for the subscriptions in that batch: the difference is what the rest of the fleet used, which a sidecar adds to
 * its own exact local count.
 */
export const quotaUsageSchema = z.strictObject({
  appId: z.string().min(1).max(200),
  apiId: z.string().min(1).max(200),
  period: quotaPeriodSchema,
  used: z.number().int().nonnegative(),
  usedHere: z.number().int().nonnegative(),
});

export const usageAckSchema = z.strictObject({
  batchId: z.string(),
  accepted: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  quota: z.array(quotaUsageSchema).max(5_000).optional(),
});

export type UsageEvent = z.infer<typeof usageEventSchema>;
export type UsageBatch = z.infer<typeof usageBatchSchema>;
export type UsageAck = z.infer<typeof usageAckSchema>;
export type QuotaUsage = z.infer<typeof quotaUsageSchema>;
