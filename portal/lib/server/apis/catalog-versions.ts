import 'server-only';

export interface CatalogVersion {
  id: string;
  version: string;
  status: string;
  context: string;
}

interface VersionRow {
  id: string;
  version: string;
  status: string;
  context: string;
  created_at: string;
  lineage_id: string | null;
}

/** Published versions first, then deprecated ones; newest first within each: the order a developer should pick from. */
export function byCatalogPreference(a: VersionRow, b: VersionRow): number {
  const rank = (s: string) => (s === 'PUBLISHED' ? 0 : 1);
  return rank(a.status) - rank(b.status) || b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id);
}

/** Groups catalog rows into one entry per API (its lineage), each with its versions in preference order. */
export function groupByLineage<R extends VersionRow>(rows: readonly R[]): R[][] {
  const groups = new Map<string, R[]>();
  for (const r of rows) {
    const key = r.lineage_id ?? r.id;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((g) => [...g].sort(byCatalogPreference));
}

export function toCatalogVersion(r: VersionRow): CatalogVersion {
  return { id: r.id, version: r.version, status: r.status, context: r.context };
}
