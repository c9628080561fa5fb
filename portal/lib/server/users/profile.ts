import 'server-only';
import { z } from 'zod';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import { notFound } from '../errors';

export const updateProfileInput = z.strictObject({ name: z.string().trim().min(1).max(100) });

/** What the signed-in user sees of themself; the header reads the role from here, so a role change shows at once. */
export async function getProfile(db: Db, actor: Actor) {
  const user = await db.selectFrom('users').where('id', '=', actor.id).select(['id', 'email', 'name', 'role', 'created_at']).executeTakeFirst();
  if (!user) throw notFound('User');
  return { id: user.id, email: user.email, name: user.name, role: user.role, createdAt: user.created_at };
}

export async function updateProfile(db: Db, actor: Actor, input: z.infer<typeof updateProfileInput>) {
  await db.updateTable('users').set({ name: input.name }).where('id', '=', actor.id).execute();
  return getProfile(db, actor);
}
