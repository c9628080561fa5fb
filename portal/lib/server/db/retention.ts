import type { Db } from './client';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * How long raw usage events are kept. Nothing reads them after ingest: the views read `usage_hourly` and quotas
 * read `quota_usage`, both kept in step inside the ingest transaction. An event row only serves deduplication: a
 * batch sent again after a lost acknowledgement must insert nothing. A sidecar re-sends an unacknowledged batch on
 * its next attempt, so a duplicate arrives within seconds to hours of the first copy, or, after an outage, with
 * the rest of its outbox. 35 days covers the longest month (a quota period) plus four days of outage, and an
 * operator expecting longer outages raises GATEHOUSE_USAGE_RETENTION_DAYS.
 */
export function usageRetentionMs(env: Record<string, string | undefined> = process.env): number {
  const days = Number(env.GATEHOUSE_USAGE_RETENTION_DAYS ?? 35);
  if (!Number.isFinite(days) || days < 1) throw new Error('GATEHOUSE_USAGE_RETENTION_DAYS must be a number of days, at least 1');
  return days * DAY_MS;
}

// Sign-in failure counts are forgotten after an hour (auth/sign-in-throttle.ts); a day keeps a margin.
const SIGN_IN_FAILURES_MS = DAY_MS;

export interface Purged {
  usageEvents: number;
  signInFailures: number;
}

/**
 * Deletes raw usage events older than the retention and stale sign-in failure counts. Events go one hour of
 * event time per statement, so that no single delete holds the (SQLite: only) writer for long.
 */
export async function purgeExpired(db: Db, now = Date.now(), retentionMs = usageRetentionMs()): Promise<Purged> {
  const cutoff = now - retentionMs;
  let usageEvents = 0;
  const oldest = await db.selectFrom('usage_events').select((eb) => eb.fn.min('at').as('at')).executeTakeFirst();
  for (let from = Number(oldest?.at ?? cutoff); from < cutoff; from += HOUR_MS) {
    const upTo = Math.min(from + HOUR_MS, cutoff);
    const res = await db.deleteFrom('usage_events').where('at', '<', upTo).executeTakeFirst();
    usageEvents += Number(res.numDeletedRows);
  }
  const failures = await db.deleteFrom('sign_in_failures').where('last_failure_at', '<', now - SIGN_IN_FAILURES_MS).executeTakeFirst();
  return { usageEvents, signInFailures: Number(failures.numDeletedRows) };
}

const holder = globalThis as unknown as { __gatehouseRetention?: NodeJS.Timeout };

/**
 * Runs purgeExpired once an hour in this server process. Every replica may run it: the deletes are idempotent, and
 * a replica that finds nothing left to delete costs one indexed lookup.
 */
export function startRetentionJob(db: Db, everyMs = HOUR_MS): void {
  if (holder.__gatehouseRetention) return;
  const run = () =>
    purgeExpired(db).then(
      (p) => {
        if (p.usageEvents + p.signInFailures > 0) console.log(JSON.stringify({ level: 'info', msg: 'retention purge', ...p }));
      },
      (err: Error) => console.error(JSON.stringify({ level: 'error', msg: 'retention purge failed', error: err.message })),
    );
  holder.__gatehouseRetention = setInterval(run, everyMs);
  holder.__gatehouseRetention.unref();
  void run();
}
