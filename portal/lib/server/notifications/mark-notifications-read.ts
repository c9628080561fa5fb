import 'server-only';
import { z } from 'zod';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import { nowIso } from '../ids';

export const markNotificationsReadInput = z.strictObject({
  /** The notices the user has seen; left out, every notice up to now. */
  ids: z.array(z.string().min(1).max(100)).max(100).optional(),
});

/** Marks the caller's own notices read; ids of someone else's notices match nothing. */
export async function markNotificationsRead(db: Db, actor: Actor, input: z.infer<typeof markNotificationsReadInput>) {
  let q = db.updateTable('notifications').set({ read_at: nowIso() }).where('user_id', '=', actor.id).where('read_at', 'is', null);
  if (input.ids) {
    if (input.ids.length === 0) return { marked: 0 };
    q = q.where('id', 'in', input.ids);
  }
  const { numUpdatedRows } = await q.executeTakeFirst();
  return { marked: Number(numUpdatedRows) };
}
