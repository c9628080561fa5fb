import 'server-only';
import type { Kysely } from 'kysely';
import type { Actor } from '../actor';
import type { DB } from '../db/schema';
import { notFound } from '../errors';

/** The ownership check every application operation starts with. Someone else's app is simply not found. */
export async function getOwnedApp(db: Kysely<DB>, actor: Actor, appId: string) {
  const app = await db
    .selectFrom('applications')
    .where('id', '=', appId)
    .where('owner_id', '=', actor.id)
    .selectAll()
    .executeTakeFirst();
  if (!app) throw notFound('Application');
  return app;
}

export function toAppDto(a: { id: string; name: string; description: string; created_at: string }) {
  return { id: a.id, name: a.name, description: a.description, createdAt: a.created_at };
}
