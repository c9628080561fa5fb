import pg from 'pg';
import { notifyEveryRevision, notifyRevision, REVISION_CHANNEL } from './notifier';

export interface RevisionListener {
  /** Resolves once LISTEN is in place (the first time). */
  ready: Promise<void>;
  close(): Promise<void>;
}

const RETRY_MS = 1000;

/**
 * One dedicated connection per portal replica that LISTENs for committed revision changes and wakes this
 * process's long-polls (notifier.ts). If the connection drops it reconnects every second, and wakes every waiter
 * once it is back, since notifications sent meanwhile are lost; waiters also re-read their revision every second
 * (wait-for-revision.ts), so a change is never missed, only noticed later.
 */
export function listenForRevisions(url: string): RevisionListener {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const connect = async (reconnecting: boolean) => {
    const c = new pg.Client({ connectionString: url });
    client = c;
    c.on('notification', (n) => {
      if (n.channel === REVISION_CHANNEL && n.payload) notifyRevision(n.payload);
    });
    c.on('error', () => scheduleReconnect(c));
    c.on('end', () => scheduleReconnect(c));
    try {
      await c.connect();
      await c.query(`listen ${REVISION_CHANNEL}`);
      markReady();
      if (reconnecting) notifyEveryRevision();
    } catch (err) {
      console.error(`revision listener: ${(err as Error).message}; retrying in ${RETRY_MS} ms`);
      scheduleReconnect(c);
    }
  };
  const scheduleReconnect = (c: pg.Client) => {
    if (closed || client !== c || retry) return;
    client = null;
    c.end().catch(() => {});
    retry = setTimeout(() => {
      retry = undefined;
      void connect(true);
    }, RETRY_MS);
    retry.unref();
  };

  void connect(false);
  return {
    ready,
    close: async () => {
      closed = true;
      clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
