import 'server-only';
import { verifyPassword } from '../auth/password';
import type { Db } from '../db/client';
import type { Actor } from '../actor';

// Compared against when the email is unknown, so both failures take the same time and emails cannot be probed.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export type CredentialsVerdict = { ok: true; actor: Actor & { sessionVersion: number } } | { ok: false; code: 'INVALID' | 'DISABLED' };

/**
 * Checks an email and password. A disabled account is told so only after its own password matched, so the answer
 * reveals nothing to someone who does not know it.
 */
export async function checkCredentials(db: Db, email: string, password: string): Promise<CredentialsVerdict> {
  const user = await db.selectFrom('users').where('email', '=', email.toLowerCase()).selectAll().executeTakeFirst();
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !ok) return { ok: false, code: 'INVALID' };
  if (user.disabled) return { ok: false, code: 'DISABLED' };
  return { ok: true, actor: { id: user.id, role: user.role, email: user.email, name: user.name, sessionVersion: Number(user.session_version) } };
}

export async function authenticateUser(db: Db, email: string, password: string): Promise<(Actor & { sessionVersion: number }) | null> {
  const verdict = await checkCredentials(db, email, password);
  return verdict.ok ? verdict.actor : null;
}
