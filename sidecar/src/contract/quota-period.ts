/**
 * Monthly quotas run by calendar month in UTC, the same at every gateway and in the cloud, so counts from different
 * places add up to the same period. A period is named `YYYY-MM`.
 */
export interface QuotaPeriod {
  name: string;
  startMs: number;
  endMs: number;
}

export function quotaPeriodAt(ms: number): QuotaPeriod {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  return {
    name: `${year}-${String(month + 1).padStart(2, '0')}`,
    startMs: Date.UTC(year, month, 1),
    endMs: Date.UTC(year, month + 1, 1),
  };
}
