import 'server-only';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import { deriveKeyExpiryNotices } from './derive-key-expiry';

const LIMIT = 50;

export function toNotificationDto(n: { id: string; kind: string; title: string; body: string; link: string | null; created_at: string; read_at: string | null }) {
  return { id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, createdAt: n.created_at, read: n.read_at !== null };
}

/** The caller's latest notices, newest first, and how many are unread (also beyond the page shown). */
export async function listNotifications(db: Db, actor: Actor, now = Date.now()) {
  await deriveKeyExpiryNotices(db, actor.id, now);
  const [rows, unread] = await Promise.all([
    db
      .selectFrom('notifications')
      .where('user_id', '=', actor.id)
      .select(['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(LIMIT)
      .execute(),
    db.selectFrom('notifications').where('user_id', '=', actor.id).where('read_at', 'is', null).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toNotificationDto), unread: Number(unread.n) };
}
