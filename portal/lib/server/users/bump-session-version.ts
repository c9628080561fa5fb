import 'server-only';
import { sql } from 'kysely';
import type { Db } from '../db/client';

/**
 * Ends every browser session of a user: each session carries the version it was issued under, and withSession
 * refuses one older than the user's. Called on sign-out, password change and disable. A JWT session cannot be
 * deleted server-side, and without this a stolen cookie stayed valid for its 12 hours after sign-out (issue #13).
 */
export async function bumpSessionVersion(db: Db, userId: string): Promise<void> {
  await db.updateTable('users').set({ session_version: sql`session_version + 1` }).where('id', '=', userId).execute();
}
