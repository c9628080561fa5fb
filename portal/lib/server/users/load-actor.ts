import 'server-only';
import type { Actor } from '../actor';
import type { Db } from '../db/client';

/**
 * Re-reads the user on every request, so a disabled account or a changed role takes effect at once. A browser
 * session passes the session version it was issued under: an older one than the user's (signed out, password
 * changed, disabled since) is no session at all.
 */
export async function loadActor(db: Db, userId: string, sessionVersion?: number): Promise<Actor | null> {
  const user = await db
    .selectFrom('users')
    .where('id', '=', userId)
    .where('disabled', '=', 0)
    .select(['id', 'role', 'email', 'name', 'session_version'])
    .executeTakeFirst();
  if (!user || (sessionVersion !== undefined && Number(user.session_version) !== sessionVersion)) return null;
  return { id: user.id, role: user.role, email: user.email, name: user.name };
}
