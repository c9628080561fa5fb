import 'server-only';
import type { Db } from '../db/client';
import { addNotifications } from './add-notifications';

const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * Adds a "key expiring" notice for each live key whose expiry falls within 7 days: one user's keys (when they look
 * at their notices, so the list is current), or everyone's (the hourly sweep in key-expiry-job.ts, so that the
 * notice, and its email, comes a week ahead whether or not the owner signs in). The dedupe key (key id and deadline)
 * makes every later pass, on any replica, a no-op that queues no second email. Keys a rotation replaced, and short
 * try-it keys, are expected to expire and say so on their own row: they raise no notice.
 */
export async function deriveKeyExpiryNotices(db: Db, userId: string | null, now = Date.now()): Promise<void> {
  let query = db.selectFrom('api_keys').innerJoin('applications', 'applications.id', 'api_keys.app_id');
  if (userId !== null) query = query.where('applications.owner_id', '=', userId);
  const keys = await query
    .where('api_keys.revoked_at', 'is', null)
    .where('api_keys.replaced_by', 'is', null)
    .where('api_keys.expires_at', '>', new Date(now).toISOString())
    .where('api_keys.expires_at', '<=', new Date(now + WEEK_MS).toISOString())
    .select(['api_keys.id', 'api_keys.name', 'api_keys.prefix', 'api_keys.created_at', 'api_keys.expires_at', 'applications.id as app_id', 'applications.name as app_name', 'applications.owner_id'])
    .execute();
  const notices = keys
    // A key made to live under a day (a try-it key) is not worth a notice.
    .filter((k) => k.expires_at && Date.parse(k.expires_at) - Date.parse(k.created_at) >= 24 * 3600 * 1000)
    .map((k) => ({
      userId: k.owner_id,
      kind: 'key.expiring' as const,
      title: `Key ${k.name} of ${k.app_name} expires soon`,
      body: `${k.prefix}… expires on ${k.expires_at?.slice(0, 16).replace('T', ' ')} UTC. Rotate it to keep your clients working.`,
      link: `/apps/${encodeURIComponent(k.app_id)}`,
      dedupeKey: `key-expiring:${k.id}:${k.expires_at}`,
    }));
  await addNotifications(db, notices, now);
}
