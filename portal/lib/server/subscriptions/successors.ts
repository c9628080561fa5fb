import 'server-only';
import type { Db } from '../db/client';

export interface Successor {
  id: string;
  version: string;
}

/**
 * For each API version, the newest published version of the same API created after it: where a subscriber of a
 * deprecated or retired version should move. Versions with no newer published sibling are left out.
 */
export async function successorsOf(db: Db, apis: readonly { id: string; lineage: string }[]): Promise<Map<string, Successor>> {
  const out = new Map<string, Successor>();
  const lineages = [...new Set(apis.map((a) => a.lineage))];
  if (lineages.length === 0) return out;
  const versions = await db
    .selectFrom('apis')
    .where((eb) => eb.or([eb('lineage_id', 'in', lineages), eb('id', 'in', lineages)]))
    .select(['id', 'version', 'status', 'created_at', 'lineage_id'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const api of apis) {
    const family = versions.filter((v) => (v.lineage_id ?? v.id) === api.lineage);
    const own = family.findIndex((v) => v.id === api.id);
    const newer = family.slice(own + 1).filter((v) => v.status === 'PUBLISHED').at(-1);
    if (newer) out.set(api.id, { id: newer.id, version: newer.version });
  }
  return out;
}
