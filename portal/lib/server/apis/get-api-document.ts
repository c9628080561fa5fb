import 'server-only';
import type { Db } from '../db/client';
import { notFound } from '../errors';
import { CATALOG_STATES } from './list-apis';
import { type ServedDocument, toServedDocument } from './served-document';

const MAX_CACHED_BYTES = 128 * 1024 * 1024;
const cache = new Map<string, ServedDocument>();

function evictPastBound(): void {
  let total = 0;
  for (const doc of cache.values()) total += doc.json.length;
  // Oldest first (Map order is insertion order and a hit re-inserts), never the newest entry.
  for (const [id, doc] of [...cache].slice(0, -1)) {
    if (total <= MAX_CACHED_BYTES) break;
    cache.delete(id);
    total -= doc.json.length;
  }
}

/**
 * The OpenAPI document of a catalog API as the reference renderer gets it (served-document.ts). It is computed once
 * per stored version of the document (keyed by the row's `updated_at`, which every write sets) and kept in a bounded
 * in-process cache, so a reader costs one small query and no parsing. APIs outside the catalog (drafts, retired,
 * blocked) answer not-found, like getApi.
 */
export async function getApiDocument(db: Db, apiId: string): Promise<ServedDocument> {
  const row = await db.selectFrom('apis').where('id', '=', apiId).where('status', 'in', CATALOG_STATES).select('updated_at').executeTakeFirst();
  if (!row) throw notFound('API');
  const cached = cache.get(apiId);
  if (cached && cached.version === row.updated_at) {
    cache.delete(apiId);
    cache.set(apiId, cached);
    return cached;
  }
  const api = await db.selectFrom('apis').where('id', '=', apiId).where('status', 'in', CATALOG_STATES).select(['openapi', 'updated_at']).executeTakeFirst();
  if (!api) throw notFound('API');
  const served = toServedDocument(api.openapi, api.updated_at);
  cache.delete(apiId);
  cache.set(apiId, served);
  evictPastBound();
  return served;
}
