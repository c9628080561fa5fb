import 'server-only';
import type { Kysely, Transaction } from 'kysely';
import type { DB, NotificationKind } from '../db/schema';
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
 * it reports committed. A notice whose dedupe key the user already has is skipped (portable ON CONFLICT).
 */
export async function addNotifications(db: Kysely<DB> | Transaction<DB>, notices: readonly NewNotification[], now = Date.now()): Promise<void> {
  if (notices.length === 0) return;
  const created_at = nowIso(() => now);
  await db
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
    .execute();
}
