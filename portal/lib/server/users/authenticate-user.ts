import 'server-only';
import { verifyPassword } from '../auth/password';
import type { Db } from '../db/client';
import type { Actor } from '../actor';

// Compared against when the email is unknown, so both failures take the same time and emails cannot be probed.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export async function authenticateUser(db: Db, email: string, password: string): Promise<(Actor & { sessionVersion: number }) | null> {
  const user = await db.selectFrom('users').where('email', '=', email.toLowerCase()).selectAll().executeTakeFirst();
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !ok || user.disabled) return null;
  return { id: user.id, role: user.role, email: user.email, name: user.name, sessionVersion: Number(user.session_version) };
}
