import 'server-only';
import type { Kysely, Transaction } from 'kysely';
import type { DB, NotificationKind } from '../db/schema';
import { type EmailSettings, emailSettings } from '../email/email-settings';
import { queueNotificationEmails } from '../email/queue-notification-emails';
import { newId, nowIso } from '../ids';

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link?: string | null;
  dedupeKey?: string | null;
}

/**
 * Stores notices, inside the caller's transaction when it has one so that a notice exists exactly when the change
 * it reports committed. A notice whose dedupe key the user already has is skipped (portable ON CONFLICT). When SMTP
 * is configured, each notice actually added queues its email in the same transaction; nothing is sent here, so the
 * request that raised the notice never waits for a mail server.
 */
export async function addNotifications(
  db: Kysely<DB> | Transaction<DB>,
  notices: readonly NewNotification[],
  now = Date.now(),
  email: EmailSettings | null = emailSettings(),
): Promise<void> {
  if (notices.length === 0) return;
  const created_at = nowIso(() => now);
  const write = async (trx: Kysely<DB> | Transaction<DB>) => {
    const added = await trx
      .insertInto('notifications')
      .values(
        notices.map((n) => ({
          id: newId('ntf'),
          user_id: n.userId,
          kind: n.kind,
          title: n.title,
          body: n.body,
          link: n.link ?? null,
          dedupe_key: n.dedupeKey ?? null,
          created_at,
          read_at: null,
        })),
      )
      .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
      // Only the rows inserted come back, so a notice skipped as a duplicate queues no second email.
      .returning(['id', 'user_id', 'title', 'body', 'link'])
      .execute();
    if (email) await queueNotificationEmails(trx, added, email, now);
  };
  if (!email || db.isTransaction) await write(db);
  else await db.transaction().execute(write);
}
