import { z } from 'zod';
import { USAGE_RANGES, type UsageRange } from './summarize-usage';

const ranges = Object.keys(USAGE_RANGES) as [UsageRange, ...UsageRange[]];

/** The query every usage route takes; the OpenAPI document describes the routes with this very schema. */
export const usageQuery = z.object({ range: z.enum(ranges).default('24h') });

/** Parses a usage route's query string; an unknown range is a ZodError, which the route wrappers answer with 400. */
export function parseUsageQuery(req: Request) {
  return usageQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
}
