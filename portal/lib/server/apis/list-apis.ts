import 'server-only';
import { sql } from 'kysely';
import type { Db } from '../db/client';

export const CATALOG_STATES = ['PUBLISHED', 'DEPRECATED'] as const;

/** The catalog: published and deprecated APIs, optionally filtered by a search over name, description and tags. */
export async function listApis(db: Db, q?: string) {
  let query = db
    .selectFrom('apis')
    .where('status', 'in', CATALOG_STATES)
    .select(['id', 'name', 'version', 'context', 'description', 'tags', 'status', 'requires_approval'])
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
  return rows.map(toSummary);
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
