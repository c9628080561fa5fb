/** Something that can time out: the queue stores its deadline on it, so it needs no wrapper object. */
export interface HasDeadline {
  deadlineAt: number;
}

/**
 * Deadlines that all share one duration, so they expire in the order they were added: one timer for the whole queue
 * (armed for the oldest deadline) instead of a timer, a bound callback and its cancellation per request. A Set keeps
 * insertion order and removes from anywhere in constant time; an entry is removed as soon as it settles.
 */
export class DeadlineQueue<T extends HasDeadline> {
  private readonly entries = new Set<T>();
  private timer: NodeJS.Timeout | undefined;
  private readonly check = () => this.expire();

  constructor(
    private readonly durationMs: number,
    private readonly onExpired: (entry: T) => void,
  ) {}

  add(entry: T): void {
    entry.deadlineAt = performance.now() + this.durationMs;
    this.entries.add(entry);
    this.timer ??= setTimeout(this.check, this.durationMs);
  }

  delete(entry: T): void {
    this.entries.delete(entry);
  }

  /** Stops the timer; entries still queued never expire (the proxy is closing). */
  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.entries.clear();
  }

  private expire(): void {
    this.timer = undefined;
    const now = performance.now();
    for (const entry of this.entries) {
      if (entry.deadlineAt > now) {
        // Rounded up: a timer may fire a fraction of a millisecond early, which would only re-arm it.
        this.timer = setTimeout(this.check, Math.ceil(entry.deadlineAt - now));
        return;
      }
      this.entries.delete(entry);
      this.onExpired(entry);
    }
  }
}
