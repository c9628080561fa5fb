/** Whether the cached state may serve requests (DESIGN.md, Offline policy). */
export type Freshness =
  | { state: 'NOT_SYNCED' }
  | { state: 'FRESH' | 'STALE'; stalenessSeconds: number };

export function judgeFreshness(lastSyncAt: number | null, now: number, maxStalenessS: number | undefined): Freshness {
  if (lastSyncAt === null) return { state: 'NOT_SYNCED' };
  const stalenessSeconds = Math.max(0, (now - lastSyncAt) / 1000);
  const stale = maxStalenessS !== undefined && stalenessSeconds > maxStalenessS;
  return { state: stale ? 'STALE' : 'FRESH', stalenessSeconds };
}
