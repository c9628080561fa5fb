import 'server-only';
import type { Actor } from '../actor';
import type { Db } from '../db/client';

/** Re-reads the user on every request, so a disabled account or a changed role takes effect at once. */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const user = await db
    .selectFrom('users')
    .where('id', '=', userId)
    .where('disabled', '=', 0)
    .select(['id', 'role', 'email', 'name'])
    .executeTakeFirst();
  return user ?? null;
}
