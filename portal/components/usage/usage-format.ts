/** Formats shared by the usage charts and tables, so every view shows a figure the same way. */

export const formatMs = (v: number | null) => (v === null ? '—' : `${v} ms`);

export const formatErrorRate = (rate: number) => `${(rate * 100).toFixed(1)}%`;

export function bucketLabel(start: number, bucketMs: number): string {
  const date = new Date(start);
  return bucketMs >= 86_400_000
    ? date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })
    : date.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
