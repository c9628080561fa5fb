import type { UsageEvent } from '../contract/analytics';
import type { Logger } from '../logger';
import type { StoredBatch } from './outbox-store';
import { OutboxThread } from './outbox-thread';

export type { StoredBatch } from './outbox-store';
export type PendingEvent = Omit<UsageEvent, 'eventId'>;

export interface OutboxOptions {
  /** Rows the outbox may hold before new events are dropped (and counted). */
  maxEvents: number;
  /** Group-commit window: events wait at most this long in memory before they are handed to the disk. */
  flushIntervalMs: number;
  /** A buffer this large is written at once, without waiting for the window. */
  flushBatchSize: number;
  /** Where a failed group commit is reported (its events are then counted as dropped). */
  logger?: Logger;
}

/**
 * The analytics outbox: events are buffered in memory and appended to the outbox file in group commits, one row per
 * commit holding the whole group (a row per event cost more CPU than proxying the request), so a `kill -9` loses at
 * most the window being filled and the commit the disk is writing. The commits run on a thread of their own
 * (outbox-worker.ts): the fsync that makes a group durable blocks that thread, never a request. Rows leave only when
 * the cloud acknowledged them. Event ids (`<epoch>:<seq>.<position>`) are stamped here, at the group commit, from a
 * sequence this side hands out in order; the thread writes them in the same order, so the shipper splices stored
 * text into a batch instead of parsing and re-serialising every event.
 */
export class Outbox {
  private buffer: PendingEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private droppedCount = 0;
  /** Events handed to the thread whose commit has not been answered yet. */
  private committing = 0;
  private events = 0;
  private nextSeq = 0;
  private thread: OutboxThread | null = null;
  private epochValue = '';
  private readonly flushLater = () => void this.flush();
  /** Resolves once the thread has the file open; rejects if it cannot open it. */
  readonly opened: Promise<void>;

  private constructor(
    file: string,
    private readonly options: OutboxOptions,
  ) {
    this.opened = OutboxThread.start(file).then(({ thread, opened }) => {
      this.thread = thread;
      this.epochValue = opened.epoch;
      this.nextSeq = opened.nextSeq;
      this.events = opened.stored;
    });
    // Whoever awaits `opened` sees the failure; the outbox itself must not crash the process with it.
    this.opened.catch(() => undefined);
  }

  /**
   * Starts the outbox's thread on its file and returns at once: appends are buffered until the file is open, so
   * a cold start serves its first request without waiting for the thread to boot. Await `opened` to know it did.
   */
  static start(file: string, options: OutboxOptions): Outbox {
    return new Outbox(file, options);
  }

  /** Starts the outbox and waits until its file is open. */
  static async open(file: string, options: OutboxOptions): Promise<Outbox> {
    const outbox = new Outbox(file, options);
    await outbox.opened;
    return outbox;
  }

  /** Random per outbox file, the first part of every event id (known once the file is open). */
  get epoch(): string {
    return this.epochValue;
  }

  /**
   * Called once per answered request; cheap: a push, and a timer armed once per window. The outbox takes the event
   * object over (the group commit stamps its id on it), so pass a fresh object each time.
   */
  append(event: PendingEvent): void {
    if (this.events + this.committing + this.buffer.length >= this.options.maxEvents) {
      this.droppedCount++;
      return;
    }
    this.buffer.push(event);
    if (this.buffer.length >= this.options.flushBatchSize) void this.flush();
    else this.timer ??= setTimeout(this.flushLater, this.options.flushIntervalMs);
  }

  /**
   * Hands the buffer to the thread as one row, each event stamped with its id; resolves with the number of events
   * once they are on disk. A commit that fails (disk full, file gone) counts its events as dropped: they are
   * reported to the cloud in `droppedTotal` like events past the cap, never silently lost.
   */
  async flush(): Promise<number> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const group = this.buffer;
    if (group.length === 0) return 0;
    this.buffer = [];
    this.committing += group.length;
    try {
      // Before the file is open, flushes wait here in call order, so sequences are still handed out in order.
      if (!this.thread) await this.opened;
      const seq = this.nextSeq++;
      const prefix = `${this.epoch}:${seq}.`;
      for (let i = 0; i < group.length; i++) (group[i] as UsageEvent).eventId = prefix + i;
      this.events = await (this.thread as OutboxThread).request('write', { seq, count: group.length, body: JSON.stringify(group) });
      return group.length;
    } catch (error) {
      this.droppedCount += group.length;
      this.options.logger?.error({ err: error, events: group.length }, 'analytics group commit failed; its events are counted as dropped');
      return 0;
    } finally {
      this.committing -= group.length;
    }
  }

  /** The oldest stored groups (whole groups, at least one, up to `limit` events) as JSON text, not parsed. */
  async peekBatch(limit: number): Promise<StoredBatch> {
    return (await this.openThread()).request('peek', { limit });
  }

  /** The oldest stored events, parsed, with their ids (tests and tools; the shipper sends `peekBatch` text). */
  async peek(limit: number): Promise<{ firstSeq: number; lastSeq: number; events: UsageEvent[] }> {
    const { firstSeq, lastSeq, events } = await this.peekBatch(limit);
    return { firstSeq, lastSeq, events: JSON.parse(`[${events.json}]`) as UsageEvent[] };
  }

  /** Deletes every group up to `lastSeq`: the cloud has them. */
  async acknowledge(lastSeq: number): Promise<void> {
    this.events = await (await this.openThread()).request('ack', { lastSeq });
  }

  private async openThread(): Promise<OutboxThread> {
    if (!this.thread) await this.opened;
    return this.thread as OutboxThread;
  }

  /** Writes the buffer, then closes the file and ends the thread. */
  async close(): Promise<void> {
    await this.flush();
    await this.opened.catch(() => undefined);
    await this.thread?.close();
  }

  /** Events on disk, waiting for the cloud. */
  get stored(): number {
    return this.events;
  }

  /** Events not on disk yet: in the group-commit buffer or in a commit the disk is writing. */
  get buffered(): number {
    return this.buffer.length + this.committing;
  }

  get dropped(): number {
    return this.droppedCount;
  }
}
