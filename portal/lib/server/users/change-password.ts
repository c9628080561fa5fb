import 'server-only';
import { z } from 'zod';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { hashPassword, verifyPassword } from '../auth/password';
import { newPassword } from '../auth/password-policy';
import type { Db } from '../db/client';
import { AppError, notFound } from '../errors';
import { bumpSessionVersion } from './bump-session-version';

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword,
});

/**
 * Replaces the caller's password after checking the current one, and ends every session (this one too): whoever
 * held a session with the old password loses it. Only a browser session may do this: an access token cannot take
 * over the account it acts for.
 */
export async function changePassword(db: Db, actor: Actor, input: z.infer<typeof changePasswordInput>): Promise<void> {
  if (actor.credential?.kind === 'token') throw new AppError('FORBIDDEN', 'Change your password from a signed-in browser, not with an access token');
  const user = await db.selectFrom('users').where('id', '=', actor.id).select(['password_hash']).executeTakeFirst();
  if (!user) throw notFound('User');
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    throw new AppError('UNPROCESSABLE', 'The current password is not right', { errors: [{ path: 'currentPassword', message: 'Not your current password' }] });
  }
  const password_hash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash }).where('id', '=', actor.id).execute();
    await bumpSessionVersion(trx, actor.id);
    await recordAudit(trx, actor, 'user.password', { type: 'user', id: actor.id }, {});
  });
}
