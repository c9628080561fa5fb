import { AppError } from '../errors';

/**
 * Caps concurrent password hashing. scrypt runs on libuv's thread pool (4 threads by default, shared with file
 * and DNS work), at ~32 MiB and tens of ms each: a flood of sign-ins once made a legitimate one take 22.6 s
 * (issue #13). At most `slots` run at once; a bounded queue waits behind them, and past it the attempt is refused
 * at once (429) instead of joining an ever longer line.
 */
export class KdfGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly slots = 2,
    readonly maxWaiting = 16,
  ) {}

  /** `refusable`: a sign-in may be refused when the queue is full; hashing a new password (sign-up, seed) waits. */
  async run<T>(work: () => Promise<T>, refusable = false): Promise<T> {
    if (this.running >= this.slots) {
      if (refusable && this.waiting.length >= this.maxWaiting) throw new AppError('TOO_MANY_REQUESTS', 'The server is busy checking passwords; try again in a moment', { retryAfterS: 1 });
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next waiter, so `running` never dips and lets a newcomer jump the queue.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  get stats() {
    return { running: this.running, waiting: this.waiting.length };
  }
}

const KEY = Symbol.for('gatehouse.kdfGate');
export function kdfGate(): KdfGate {
  const g = globalThis as { [KEY]?: KdfGate };
  g[KEY] ??= new KdfGate(Number(process.env.GATEHOUSE_KDF_CONCURRENCY ?? 2), Number(process.env.GATEHOUSE_KDF_QUEUE ?? 16));
  return g[KEY];
}
