import { ANALYTICS_PATH, type UsageAck, type UsageBatch, usageAckSchema } from '../contract/analytics';
import type { Logger } from '../logger';
import { type BackoffPolicy, DEFAULT_BACKOFF, backoffDelayMs } from '../sync/backoff';
import type { Outbox } from './outbox';

export interface ShipperOptions {
  portalUrl: string;
  token: string;
  nodeId: string;
  batchSize: number;
  /** How long to wait when the outbox is empty before looking again. */
  idleMs: number;
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  backoff?: BackoffPolicy;
  random?: () => number;
  logger: Logger;
  /** Receives each acknowledgement, after its batch left the outbox (the quota ledger takes the cloud's counts). */
  onAck?: (ack: UsageAck) => void;
}

export interface ShipperState {
  shippedEvents: number;
  failures: number;
  lastError: string | null;
}

/**
 * Ships the outbox to the cloud in batches. A batch's id is derived from its sequence range, so a retry after a
 * lost acknowledgement carries the same id and event ids and the cloud stores it once. Rows are deleted only after
 * the cloud's 2xx acknowledgement.
 */
export class Shipper {
  readonly state: ShipperState = { shippedEvents: 0, failures: 0, lastError: null };
  private readonly abort = new AbortController();
  private wake: (() => void) | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly outbox: Outbox,
    private readonly options: ShipperOptions,
  ) {}

  start(): void {
    this.running ??= this.loop();
  }

  /**
   * Sends one batch of what is on disk; the number of events the cloud acknowledged (0: nothing to send). It leaves
   * the in-memory buffer to the group commit: forcing a flush here would turn a busy loop into many tiny batches.
   */
  async shipOnce(signal?: AbortSignal): Promise<number> {
    const { firstSeq, lastSeq, events } = await this.outbox.peekBatch(this.options.batchSize);
    if (events.length === 0) return 0;
    const fetchFn = this.options.fetch ?? fetch;
    const res = await fetchFn(this.options.portalUrl + ANALYTICS_PATH, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.options.token}`, 'content-type': 'application/json' },
      body: batchBody(`${this.outbox.epoch}:${firstSeq}-${lastSeq}`, this.options.nodeId, this.outbox.dropped, events.json),
      signal: signal ?? AbortSignal.timeout(15_000),
    });
    if (!res.ok) throw new Error(`portal answered ${res.status}`);
    const ack = usageAckSchema.parse(await res.json());
    await this.outbox.acknowledge(lastSeq);
    this.options.onAck?.(ack);
    this.state.shippedEvents += events.length;
    return events.length;
  }

  private async loop(): Promise<void> {
    while (!this.abort.signal.aborted) {
      let delay = this.options.idleMs;
      try {
        // Straight on only while there is a backlog of full batches; otherwise let the next window fill up.
        if ((await this.shipOnce()) >= this.options.batchSize) delay = 0;
        this.state.failures = 0;
      } catch (err) {
        this.state.failures++;
        const message = (err as Error).message;
        if (message !== this.state.lastError) this.options.logger.warn({ reason: message, stored: this.outbox.stored }, 'analytics shipping failed; will retry');
        this.state.lastError = message;
        delay = backoffDelayMs(this.state.failures, this.options.backoff ?? DEFAULT_BACKOFF, this.options.random);
      }
      if (delay > 0) await this.pause(delay);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  /** Stops the loop, then (SIGTERM) writes the buffer and ships what it can before the deadline. */
  async stop(drainMs: number): Promise<void> {
    this.abort.abort();
    this.wake?.();
    await this.running;
    await this.outbox.flush();
    const deadline = Date.now() + drainMs;
    while (this.outbox.stored > 0 && Date.now() < deadline) {
      try {
        if ((await this.shipOnce(AbortSignal.timeout(Math.max(deadline - Date.now(), 1)))) === 0) break;
      } catch {
        break;
      }
    }
  }
}

/**
 * A `UsageBatch` as JSON, with the events spliced in as the outbox stored them (already JSON, ids included):
 * parsing and re-serialising every event cost more CPU per request than the rest of the shipping.
 */
export function batchBody(batchId: string, node: string, droppedTotal: number, eventsJson: string): string {
  const head: Omit<UsageBatch, 'events'> = { batchId, node, droppedTotal };
  return `${JSON.stringify(head).slice(0, -1)},"events":[${eventsJson}]}`;
}
