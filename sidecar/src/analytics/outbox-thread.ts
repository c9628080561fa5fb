import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { OutboxMessage, OutboxOpened, OutboxRequest, OutboxResults } from './outbox-protocol';

type Op = OutboxRequest['op'];
type Payload<O extends Op> = Omit<Extract<OutboxRequest, { op: O }>, 'id' | 'op'>;

/**
 * The event loop's end of the outbox thread: requests as promises, answered in order. When the thread dies, every
 * waiting request fails with the reason, and so does every later one.
 */
export class OutboxThread {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();
  private dead: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: OutboxMessage) => {
      if (message.kind !== 'answer' && message.kind !== 'error') return;
      const waiter = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (message.kind === 'answer') waiter?.resolve(message.result as never);
      else waiter?.reject(new Error(message.message));
    });
    const die = (error: Error) => {
      this.dead ??= error;
      for (const waiter of this.waiting.values()) waiter.reject(this.dead);
      this.waiting.clear();
    };
    worker.on('error', die);
    worker.on('exit', (code) => die(new Error(`the outbox thread exited (code ${code})`)));
  }

  /** Starts the thread on the outbox file; resolves once the file is open, with what it holds. */
  static start(file: string): Promise<{ thread: OutboxThread; opened: OutboxOpened }> {
    const worker = spawnWorker(file);
    return new Promise((resolve, reject) => {
      const onMessage = (message: OutboxMessage) => {
        if (message.kind === 'opened') resolve({ thread: new OutboxThread(worker), opened: message.opened });
        else if (message.kind === 'failed') void worker.terminate().then(() => reject(new Error(`cannot open the analytics outbox ${file}: ${message.message}`)));
        else return;
        worker.off('message', onMessage);
        worker.off('error', reject);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  }

  request<O extends Op>(op: O, payload: Payload<O>): Promise<OutboxResults[O]> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: never) => void, reject });
      this.worker.postMessage({ id, op, ...payload });
    });
  }

  /** Closes the file (after every request sent before), then ends the thread. */
  async close(): Promise<void> {
    if (!this.dead) await this.request('close', {}).catch(() => undefined);
    await this.worker.terminate();
  }
}

/**
 * The worker runs the module beside this one: compiled JavaScript in production, TypeScript under tsx and vitest,
 * where the thread needs tsx's loader registered before it can read the file.
 */
function spawnWorker(file: string): Worker {
  const ext = path.extname(__filename);
  const entry = path.join(__dirname, `outbox-worker${ext}`);
  const options = { workerData: { path: file } };
  if (ext !== '.ts') return new Worker(entry, options);
  const tsx = createRequire(__filename).resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});`, { ...options, eval: true });
}
