import { z } from 'zod';

/** Field rules shared by create, update and new-version, so the three cannot disagree. */
export const apiFields = {
  name: z.string().trim().min(1).max(100),
  version: z.string().trim().min(1).max(50).regex(/^[A-Za-z0-9._-]+$/, 'Letters, digits, dot, dash and underscore only'),
  // The same rule the sidecar's route schema applies: a path of safe segments.
  context: z
    .string()
    .trim()
    .max(200)
    .regex(/^(\/[A-Za-z0-9._~-]+)+$/, 'A path such as /pets/v1: segments of letters, digits, . _ ~ -'),
  description: z.string().trim().max(500),
  tags: z.array(z.string().trim().min(1).max(30)).max(10),
  overview: z.string().max(50_000),
  backendUrl: z.url({ protocol: /^https?$/ }).max(500),
  // No length rule here: the route's body bound caps the text and the import says the document limit in words
  // (process-openapi.ts), instead of a schema message about string lengths.
  openapi: z.string().min(1, 'Give an OpenAPI document'),
  requiresApproval: z.boolean(),
};
