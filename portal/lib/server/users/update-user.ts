import 'server-only';
import { z } from 'zod';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { AppError, notFound } from '../errors';
import { syncedTransaction } from '../sync/synced-transaction';
import { bumpSessionVersion } from './bump-session-version';
import { toUserDto } from './list-users';
import { requireAdmin } from './require-role';

export const updateUserInput = z.strictObject({ role: z.enum(['admin', 'publisher', 'subscriber']), disabled: z.boolean() }).partial();

/**
 * Changes a user's role or disables them. Takes effect on their next request: sessions and tokens re-read the user
 * (load-actor.ts). Disabling also suspends their applications' keys and OAuth clients at the gateways (within one
 * sync), and enabling restores them. An admin cannot demote or disable themself, so the portal never loses its last
 * way in by accident.
 */
export async function updateUser(db: Db, actor: Actor, userId: string, input: z.infer<typeof updateUserInput>) {
  requireAdmin(actor);
  if (userId === actor.id && ((input.role && input.role !== 'admin') || input.disabled)) {
    throw new AppError('CONFLICT', 'You cannot demote or disable yourself');
  }
  return syncedTransaction(db, async (trx, touch) => {
    const user = await trx.selectFrom('users').where('id', '=', userId).select(['id', 'email', 'name', 'role', 'disabled', 'created_at']).executeTakeFirst();
    if (!user) throw notFound('User');
    const patch = { ...(input.role && { role: input.role }), ...(input.disabled !== undefined && { disabled: input.disabled ? 1 : 0 }) };
    if (Object.keys(patch).length > 0) {
      await trx.updateTable('users').set(patch).where('id', '=', userId).execute();
      // Disabling ends the user's sessions for good: re-enabling them does not bring an old cookie back.
      if (input.disabled) await bumpSessionVersion(trx, userId);
      if (input.disabled !== undefined && input.disabled !== (user.disabled === 1)) {
        const apps = await trx.selectFrom('applications').where('owner_id', '=', userId).select('id').execute();
        touch(...apps.map((a) => `app:${a.id}` as const));
      }
      await recordAudit(trx, actor, 'user.update', { type: 'user', id: userId }, { email: user.email, ...input });
    }
    return toUserDto({ ...user, ...patch });
  });
}
