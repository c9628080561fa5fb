import 'server-only';
import type { Db } from '../db/client';
import { type UsageRange, usageWindow } from './summarize-usage';

/**
 * Usage events inside a range's window, the same window the summaries count. Callers narrow it by an indexed column
 * (app_id or api_id; the window alone uses the at index) and select only the columns their figures need.
 */
export function usageEventsIn(db: Db, range: UsageRange, now: number) {
  const { start, end } = usageWindow(range, now);
  return db.selectFrom('usage_events').where('at', '>=', start).where('at', '<', end);
}

/** `at` is a bigint column, which PostgreSQL drivers return as a string: make it a number on every dialect. */
export function withNumericAt<R extends { at: number | string | bigint }>(rows: R[]) {
  return rows.map((r) => ({ ...r, at: Number(r.at) }));
}
