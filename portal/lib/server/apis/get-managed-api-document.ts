import 'server-only';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import { getManagedApi } from './get-managed-api';

/**
 * The stored document of an API the caller manages, in any state (the catalog's document route serves only what
 * readers may see). Imports store minified JSON; a document stored before that may still be YAML.
 */
export async function getManagedApiDocument(db: Db, actor: Actor, apiId: string) {
  const api = await getManagedApi(db, actor, apiId);
  const json = api.openapi.trimStart().startsWith('{');
  return { text: api.openapi, contentType: json ? 'application/json; charset=utf-8' : 'application/yaml; charset=utf-8' };
}
