import 'server-only';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { newId } from '../ids';
import type { EmailSettings } from './email-settings';

export interface AddedNotice {
  id: string;
  user_id: string;
  title: string;
  body: string;
  link: string | null;
}

/** The email of one notice: plain text, the notice's own words, and where to act on it when the portal's URL is known. */
export function renderNoticeEmail(notice: Pick<AddedNotice, 'title' | 'body' | 'link'>, publicUrl: string | null) {
  // A title carries publisher-chosen names: never let one break out of the Subject header.
  const subject = notice.title.replace(/[\r\n\t]+/g, ' ').trim().slice(0, 200);
  const lines = [notice.body, ''];
  if (publicUrl && notice.link) lines.push(`Open it in the portal: ${publicUrl}${notice.link}`, '');
  lines.push('--', publicUrl ? `Every notice of yours is listed at ${publicUrl}/account/notifications` : 'Every notice of yours is listed under Notifications in the Gatehouse portal.');
  return { subject, body: lines.join('\n') };
}

/**
 * Queues one email per notice just added, in the same transaction, for the outbox loop to send
 * (deliver-due-emails.ts). Disabled users get none: they cannot sign in to act on it.
 */
export async function queueNotificationEmails(trx: Kysely<DB>, added: readonly AddedNotice[], email: EmailSettings, now: number): Promise<void> {
  if (added.length === 0) return;
  const users = await trx
    .selectFrom('users')
    .where('id', 'in', [...new Set(added.map((n) => n.user_id))])
    .where('disabled', '=', 0)
    .select(['id', 'email'])
    .execute();
  const address = new Map(users.map((u) => [u.id, u.email]));
  const at = new Date(now).toISOString();
  const rows = added.flatMap((n) => {
    const to = address.get(n.user_id);
    if (!to) return [];
    return [{ id: newId('eml'), notification_id: n.id, to_address: to, ...renderNoticeEmail(n, email.publicUrl), next_attempt_at: at, locked_until: null, last_error: null, failed_at: null, created_at: at }];
  });
  if (rows.length > 0) await trx.insertInto('notification_emails').values(rows).execute();
}
