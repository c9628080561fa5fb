import { z } from 'zod';

const limit = z.number().int().positive().max(1_000_000_000).nullable();

/** A tier: a rate (requests per minute) with a burst allowance, an optional monthly quota; null means unlimited. */
export const tierInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(300).default(''),
  requestsPerMinute: limit,
  burst: z.number().int().nonnegative().max(1_000_000_000).nullable(),
  monthlyQuota: limit,
});
export type TierInput = z.infer<typeof tierInput>;

export function toTierDto(t: { id: string; name: string; description: string; requests_per_minute: number | null; burst: number | null; monthly_quota: number | null }) {
  return { id: t.id, name: t.name, description: t.description, requestsPerMinute: t.requests_per_minute, burst: t.burst, monthlyQuota: t.monthly_quota };
}
