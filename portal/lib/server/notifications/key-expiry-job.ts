import 'server-only';
import type { Db } from '../db/client';
import { deriveKeyExpiryNotices } from './derive-key-expiry';

const HOUR_MS = 3_600_000;
const holder = globalThis as unknown as { __gatehouseKeyExpiry?: NodeJS.Timeout };

/**
 * Sweeps every owner's keys for those expiring within 7 days, at start and then hourly, in this server process. A
 * notice (and its email, when SMTP is configured) therefore arrives about a week ahead even for a developer who never
 * signs in. Every replica may run it: notices are deduplicated by key and deadline, so only the first pass adds any.
 */
export function startKeyExpiryJob(db: Db, everyMs = HOUR_MS): void {
  if (holder.__gatehouseKeyExpiry) return;
  const run = () =>
    deriveKeyExpiryNotices(db, null).catch((err: Error) => console.error(JSON.stringify({ level: 'error', msg: 'key expiry sweep failed', error: err.message })));
  holder.__gatehouseKeyExpiry = setInterval(run, everyMs);
  holder.__gatehouseKeyExpiry.unref();
  void run();
}
