import 'server-only';
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../db/client';
import { isPostgres } from '../db/postgres';
import type { DB } from '../db/schema';

export interface ClaimedEmail {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  attempts: number;
  /** This claim's lease: the later updates of the row check it, so a sender whose lease ran out changes nothing. */
  locked_until: string;
}

const dueAt = (at: string) => (eb: ExpressionBuilder<DB, 'notification_emails'>) =>
  eb.and([eb('failed_at', 'is', null), eb('next_attempt_at', '<=', at), eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)])]);

/**
 * Leases up to `limit` emails that are due, oldest first, to this sender until `now + leaseMs`. On PostgreSQL the
 * rows are picked `FOR UPDATE SKIP LOCKED`, so replicas claiming at the same moment take disjoint rows instead of
 * waiting on each other; the outer condition is checked again on the locked row. SQLite has a single writer, so the
 * one UPDATE is atomic as it is. A cheap read comes first so that an idle portal takes no write lock per poll.
 */
export async function claimDueEmails(db: Db, now: number, { limit = 10, leaseMs = 10 * 60_000 } = {}): Promise<ClaimedEmail[]> {
  const at = new Date(now).toISOString();
  const any = await db.selectFrom('notification_emails').where(dueAt(at)).select('id').limit(1).executeTakeFirst();
  if (!any) return [];
  let pick = db.selectFrom('notification_emails').where(dueAt(at)).select('id').orderBy('next_attempt_at').orderBy('id').limit(limit);
  if (isPostgres(db)) pick = pick.forUpdate().skipLocked();
  const lease = new Date(now + leaseMs).toISOString();
  const rows = await db
    .updateTable('notification_emails')
    .set({ locked_until: lease })
    .where('id', 'in', pick)
    .where(dueAt(at))
    .returning(['id', 'to_address', 'subject', 'body', 'attempts', 'next_attempt_at'])
    .execute();
  return rows.sort((a, b) => a.next_attempt_at.localeCompare(b.next_attempt_at)).map(({ next_attempt_at: _, ...r }) => ({ ...r, locked_until: lease }));
}
