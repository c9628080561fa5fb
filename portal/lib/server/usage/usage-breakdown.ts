import { type UsageRange, type UsageRow, type UsageTotals, usageTotals, usageWindow } from './summarize-usage';

export interface UsageShare<K extends string> {
  id: K;
  totals: UsageTotals;
}

/**
 * Splits a range's rollup rows by one of their columns (API, application, environment, gateway) and totals each part,
 * busiest first. Rows outside the range's window are left out, as summarizeUsage does, so the parts add up.
 */
export function usageBreakdown<R extends UsageRow, K extends string>(rows: readonly R[], keyOf: (row: R) => K, range: UsageRange, now: number): UsageShare<K>[] {
  const { start, end } = usageWindow(range, now);
  const groups = new Map<K, R[]>();
  for (const row of rows) {
    if (row.at < start || row.at >= end) continue;
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups].map(([id, events]) => ({ id, totals: usageTotals(events) })).sort((a, b) => b.totals.requests - a.totals.requests || a.id.localeCompare(b.id));
}

/** Each part's display name, falling back to its id when the object is gone (a deleted application keeps its usage). */
export function nameShares<K extends string>(shares: UsageShare<K>[], names: ReadonlyMap<string, string>) {
  return shares.map((s) => ({ id: s.id, name: names.get(s.id) ?? s.id, totals: s.totals }));
}
