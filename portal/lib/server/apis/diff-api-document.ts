import 'server-only';
import { z } from 'zod';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import { apiFields } from './api-fields';
import { getManagedApi } from './get-managed-api';
import { type DocumentDiff, diffOpenApi } from './openapi-diff/diff-openapi';
import type { Json } from './openapi-diff/types';
import { requireValidOpenApi } from './openapi-problems';
import { readOpenApiText } from './read-openapi-text';

export const documentDiffInput = z.strictObject({ openapi: apiFields.openapi });

/**
 * What replacing this API's document with `openapi` would change for its callers, computed before anything is
 * stored so the publisher can read it and then confirm. The new document is processed exactly as a write would
 * process it (same problems, same cache: the write that follows does not do the work again).
 */
export async function diffApiDocument(db: Db, actor: Actor, apiId: string, input: z.infer<typeof documentDiffInput>): Promise<DocumentDiff> {
  const api = await getManagedApi(db, actor, apiId);
  const next = await requireValidOpenApi(input.openapi);
  // Documents stored before imports were normalised to JSON may be YAML; reading them cannot fail, they were valid.
  const stored = readOpenApiText(api.openapi);
  const before = (stored.ok ? stored.value : {}) as Json;
  return diffOpenApi(before, JSON.parse(next.document) as Json);
}
