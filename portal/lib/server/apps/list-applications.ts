import 'server-only';
import type { Actor } from '../actor';
import type { Db } from '../db/client';

export async function listApplications(db: Db, actor: Actor) {
  const rows = await db
    .selectFrom('applications')
    .where('owner_id', '=', actor.id)
    .select((eb) => [
      'id',
      'name',
      'description',
      'created_at',
      eb.selectFrom('subscriptions').whereRef('subscriptions.app_id', '=', 'applications.id').select(eb.fn.countAll<number>().as('n')).as('subscriptions'),
      eb
        .selectFrom('api_keys')
        .whereRef('api_keys.app_id', '=', 'applications.id')
        .where('api_keys.revoked_at', 'is', null)
        .select(eb.fn.countAll<number>().as('n'))
        .as('activeKeys'),
    ])
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    createdAt: r.created_at,
    subscriptions: Number(r.subscriptions ?? 0),
    activeKeys: Number(r.activeKeys ?? 0),
  }));
}
