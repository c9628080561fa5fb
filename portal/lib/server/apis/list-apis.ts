import 'server-only';
import { sql } from 'kysely';
import type { Db } from '../db/client';
import { groupByLineage, toCatalogVersion } from './catalog-versions';

export const CATALOG_STATES = ['PUBLISHED', 'DEPRECATED'] as const;

/**
 * The catalog: one entry per API (all its published and deprecated versions together), optionally filtered by a
 * search over name, description and tags. Each entry is its preferred version (the newest published one) with the
 * list of versions, so a developer lands on the current version and sees that older ones exist.
 */
export async function listApis(db: Db, q?: string) {
  let query = db
    .selectFrom('apis')
    .where('status', 'in', CATALOG_STATES)
    .select(['id', 'name', 'version', 'context', 'description', 'tags', 'status', 'requires_approval', 'lineage_id', 'created_at'])
    .orderBy('name')
    .orderBy('version');
  const term = q?.trim().toLowerCase();
  if (term) {
    const like = `%${term.replaceAll(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(name)`, 'like', sql`${like} escape '\\'`),
        eb(sql`lower(description)`, 'like', sql`${like} escape '\\'`),
        eb(sql`lower(tags)`, 'like', sql`${like} escape '\\'`),
      ]),
    );
  }
  const rows = await query.execute();
  return groupByLineage(rows).flatMap(([lead, ...older]) => (lead ? [{ ...toSummary(lead), versions: [lead, ...older].map(toCatalogVersion) }] : []));
}

export function toSummary(r: { id: string; name: string; version: string; context: string; description: string; tags: string; status: string; requires_approval: number }) {
  return {
    id: r.id,
    name: r.name,
    version: r.version,
    context: r.context,
    description: r.description,
    tags: JSON.parse(r.tags) as string[],
    status: r.status,
    requiresApproval: r.requires_approval === 1,
  };
}
