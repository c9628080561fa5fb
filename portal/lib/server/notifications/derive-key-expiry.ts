import 'server-only';
import type { Db } from '../db/client';
import { addNotifications } from './add-notifications';

const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * Adds a "key expiring" notice for each of the user's live keys whose expiry falls within 7 days. Derived when the
 * user looks rather than by a scheduler, so `npm start` needs no background job; the dedupe key (key id and
 * deadline) makes looking again a no-op. Keys a rotation replaced, and short try-it keys, are expected to expire
 * and say so on their own row: they raise no notice.
 */
export async function deriveKeyExpiryNotices(db: Db, userId: string, now = Date.now()): Promise<void> {
  const keys = await db
    .selectFrom('api_keys')
    .innerJoin('applications', 'applications.id', 'api_keys.app_id')
    .where('applications.owner_id', '=', userId)
    .where('api_keys.revoked_at', 'is', null)
    .where('api_keys.replaced_by', 'is', null)
    .where('api_keys.expires_at', '>', new Date(now).toISOString())
    .where('api_keys.expires_at', '<=', new Date(now + WEEK_MS).toISOString())
    .select(['api_keys.id', 'api_keys.name', 'api_keys.prefix', 'api_keys.created_at', 'api_keys.expires_at', 'applications.id as app_id', 'applications.name as app_name'])
    .execute();
  const notices = keys
    // A key made to live under a day (a try-it key) is not worth a notice.
    .filter((k) => k.expires_at && Date.parse(k.expires_at) - Date.parse(k.created_at) >= 24 * 3600 * 1000)
    .map((k) => ({
      userId,
      kind: 'key.expiring' as const,
      title: `Key ${k.name} of ${k.app_name} expires soon`,
      body: `${k.prefix}… expires on ${k.expires_at?.slice(0, 16).replace('T', ' ')} UTC. Rotate it to keep your clients working.`,
      link: `/apps/${encodeURIComponent(k.app_id)}`,
      dedupeKey: `key-expiring:${k.id}:${k.expires_at}`,
    }));
  await addNotifications(db, notices, now);
}
