import { parentPort, workerData } from 'node:worker_threads';
import { openOutboxDb } from './outbox-file';
import type { OutboxMessage, OutboxRequest, OutboxResults } from './outbox-protocol';
import { OutboxStore } from './outbox-store';

/**
 * The outbox thread: owns the outbox file's connection and runs every statement on it, so a group commit's fsync
 * blocks this thread and no request. Requests are answered in the order they arrive.
 */
function run(port: NonNullable<typeof parentPort>, path: string): void {
  const post = (message: OutboxMessage) => port.postMessage(message);
  let db: ReturnType<typeof openOutboxDb>;
  let store: OutboxStore;
  try {
    db = openOutboxDb(path);
    store = new OutboxStore(db);
  } catch (error) {
    post({ kind: 'failed', message: (error as Error).message });
    return;
  }
  let stored = store.stored();
  post({ kind: 'opened', opened: { epoch: store.epoch, nextSeq: store.nextSeq(), stored } });

  function answer(request: OutboxRequest): OutboxResults[keyof OutboxResults] {
    switch (request.op) {
      case 'write':
        store.write(request.seq, request.count, request.body);
        stored += request.count;
        return stored;
      case 'peek':
        return store.peekBatch(request.limit);
      case 'ack':
        stored = store.acknowledge(request.lastSeq);
        return stored;
      case 'close':
        db.close();
        return null;
    }
  }

  port.on('message', (request: OutboxRequest) => {
    try {
      post({ kind: 'answer', id: request.id, result: answer(request) });
    } catch (error) {
      post({ kind: 'error', id: request.id, message: (error as Error).message });
    }
    if (request.op === 'close') port.close();
  });
}

if (parentPort) run(parentPort, (workerData as { path: string }).path);
