import 'server-only';
import type { Db } from '../db/client';
import { notFound } from '../errors';
import { CATALOG_STATES } from './list-apis';

/**
 * The OpenAPI document of a catalog API, exactly as the publisher stored it (JSON or YAML), for the docs renderer.
 * APIs outside the catalog (drafts, retired, blocked) answer not-found, like getApi.
 */
export async function getApiDocument(db: Db, apiId: string): Promise<{ document: string; contentType: string }> {
  const api = await db.selectFrom('apis').where('id', '=', apiId).where('status', 'in', CATALOG_STATES).select('openapi').executeTakeFirst();
  if (!api) throw notFound('API');
  const json = api.openapi.trimStart().startsWith('{');
  return { document: api.openapi, contentType: json ? 'application/json' : 'application/yaml' };
}
