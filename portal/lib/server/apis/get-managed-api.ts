import 'server-only';
import type { Kysely } from 'kysely';
import type { Actor } from '../actor';
import type { Api, DB } from '../db/schema';
import { notFound } from '../errors';
import { requirePublisher } from '../users/require-role';

/**
 * The check every publisher operation on an API starts with: subscribers are refused (403), admins manage every
 * API, publishers only their own; another publisher's API is not found (404), so ids do not leak.
 */
export async function getManagedApi(db: Kysely<DB>, actor: Actor, apiId: string): Promise<Api> {
  requirePublisher(actor);
  let q = db.selectFrom('apis').where('id', '=', apiId).selectAll();
  if (actor.role !== 'admin') q = q.where('owner_id', '=', actor.id);
  const api = await q.executeTakeFirst();
  if (!api) throw notFound('API');
  return api;
}

/** What a publisher sees of an API. Parsed through this one function so no column leaks by accident. */
export function toManagedApiDto(a: Api) {
  return {
    id: a.id,
    name: a.name,
    version: a.version,
    context: a.context,
    description: a.description,
    tags: JSON.parse(a.tags) as string[],
    overview: a.overview,
    backendUrl: a.backend_url,
    status: a.status,
    requiresApproval: a.requires_approval === 1,
    lineageId: a.lineage_id ?? a.id,
    ownerId: a.owner_id,
    createdAt: a.created_at,
    updatedAt: a.updated_at,
  };
}
