import 'server-only';
import { z } from 'zod';
import { hashPassword } from '../auth/password';
import { newPassword } from '../auth/password-policy';
import type { Db } from '../db/client';
import type { Role } from '../db/schema';
import { AppError } from '../errors';
import { newId, nowIso } from '../ids';

export const signUpInput = z.strictObject({
  email: z.email().max(254).transform((e) => e.toLowerCase()),
  name: z.string().trim().min(1).max(100),
  password: newPassword,
});
export type SignUpInput = z.infer<typeof signUpInput>;

/** Self-service sign-up always makes a subscriber; other roles are granted by an admin (or the seed). */
export async function signUp(db: Db, input: SignUpInput, role: Role = 'subscriber') {
  const email = input.email.toLowerCase();
  const existing = await db.selectFrom('users').where('email', '=', email).select('id').executeTakeFirst();
  if (existing) throw new AppError('CONFLICT', 'An account with this email already exists');
  const user = {
    id: newId('usr'),
    email,
    name: input.name,
    password_hash: await hashPassword(input.password),
    role,
    created_at: nowIso(),
  };
  await db.insertInto('users').values(user).execute();
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
