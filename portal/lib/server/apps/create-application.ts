import 'server-only';
import { z } from 'zod';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { newId, nowIso } from '../ids';
import { toAppDto } from './get-owned-app';

export const createApplicationInput = z.strictObject({
  name: z.string().trim().min(1, 'Name is required').max(80),
  description: z.string().trim().max(500).default(''),
});

export async function createApplication(db: Db, actor: Actor, input: z.infer<typeof createApplicationInput>) {
  const clash = await db
    .selectFrom('applications')
    .where('owner_id', '=', actor.id)
    .where('name', '=', input.name)
    .select('id')
    .executeTakeFirst();
  if (clash) throw new AppError('CONFLICT', `You already have an application named "${input.name}"`);
  const app = { id: newId('app'), owner_id: actor.id, name: input.name, description: input.description, created_at: nowIso() };
  await db.insertInto('applications').values(app).execute();
  return toAppDto(app);
}
