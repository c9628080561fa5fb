/**
 * Generic Cell Rate Algorithm: one number per counter (the theoretical arrival time), exact under any interleaving
 * on a single event loop, and smooth at window edges (no fixed-window doubling at the boundary). A policy of
 * `limit` requests per `windowMs` with `burst` admits up to `burst` requests at once and then one every
 * windowMs / limit; `burst = limit` is "at most `limit` in any window" starting from idle.
 */
export interface RatePolicy {
  limit: number;
  windowMs: number;
  burst: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Requests that could be admitted right now after this one. */
  remaining: number;
  /** Milliseconds until a rejected request would be admitted (0 when allowed). */
  retryAfterMs: number;
  /** Milliseconds until the counter is back to full burst. */
  resetMs: number;
}

interface Cell {
  tat: number;
  interval: number;
}

export class GcraLimiter {
  private readonly cells = new Map<string, Cell>();

  /** Decides one request for `key` at `now` (ms) and records it when allowed. */
  take(key: string, policy: RatePolicy, now: number): RateDecision {
    const interval = policy.windowMs / policy.limit;
    const tolerance = interval * Math.max(policy.burst - 1, 0);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { tat: now, interval };
      this.cells.set(key, cell);
    } else if (cell.interval !== interval) {
      // The limit changed: carry over the requests already counted, not the time they were worth at the old rate.
      cell.tat = now + (Math.max(cell.tat - now, 0) / cell.interval) * interval;
      cell.interval = interval;
    }
    const tat = Math.max(cell.tat, now);
    const next = tat + interval;
    const allowAt = next - tolerance - interval;
    if (allowAt > now) {
      return { allowed: false, remaining: 0, retryAfterMs: allowAt - now, resetMs: tat - now };
    }
    cell.tat = next;
    const remaining = Math.floor((tolerance + interval - (next - now)) / interval);
    return { allowed: true, remaining: Math.max(remaining, 0), retryAfterMs: 0, resetMs: next - now };
  }

  /** Drops counters that are back to full burst; they carry no information. Bounds memory for per-address limits. */
  sweep(now: number): number {
    let dropped = 0;
    for (const [key, cell] of this.cells) {
      if (cell.tat <= now) {
        this.cells.delete(key);
        dropped++;
      }
    }
    return dropped;
  }

  get size(): number {
    return this.cells.size;
  }
}
