const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
const numberFormat = new Intl.NumberFormat('en');

export function formatDate(iso: string | null | undefined, empty = '—'): string {
  if (!iso) return empty;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? empty : dateFormat.format(date);
}

export function formatRate(requestsPerMinute: number | null): string {
  return requestsPerMinute === null ? 'Unlimited' : `${numberFormat.format(requestsPerMinute)} requests / min`;
}

export function formatQuota(monthlyQuota: number | null): string {
  return monthlyQuota === null ? 'No monthly quota' : `${numberFormat.format(monthlyQuota)} requests / month`;
}

export function formatCount(n: number): string {
  return numberFormat.format(n);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

const dateTimeFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** A moment, in the portal's one date format with the time: "Dec 6, 2026, 2:15 AM". */
export function formatDateTime(iso: string | null | undefined, empty = '—'): string {
  if (!iso) return empty;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? empty : dateTimeFormat.format(at);
}

/** Expiry with the time when it is within a week: a rotation's grace deadline matters to the hour. */
export function formatExpiry(iso: string | null, now = Date.now()): string {
  if (!iso) return 'Never';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '—';
  return Math.abs(at - now) < 7 * 86_400_000 ? dateTimeFormat.format(at) : dateFormat.format(at);
}

/** "in 58 min", "3 h ago", "in 2 days": how far a moment is from now, in the largest unit that fits. */
export function formatRelative(iso: string | null, now = Date.now()): string {
  if (!iso) return '—';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '—';
  const seconds = Math.round((at - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return seconds >= 0 ? 'in under a minute' : 'just now';
  const span = abs < 3600 ? `${Math.round(abs / 60)} min` : abs < 86_400 ? `${Math.round(abs / 3600)} h` : plural(Math.round(abs / 86_400), 'day');
  return seconds >= 0 ? `in ${span}` : `${span} ago`;
}
