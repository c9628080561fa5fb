import 'server-only';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import { requirePublisher } from '../users/require-role';
import { toManagedApiDto } from './get-managed-api';

/** The APIs a publisher runs (an admin: every API), in every state, grouped by name then version. */
export async function listManagedApis(db: Db, actor: Actor) {
  requirePublisher(actor);
  let q = db.selectFrom('apis').selectAll().orderBy('name').orderBy('created_at');
  if (actor.role !== 'admin') q = q.where('owner_id', '=', actor.id);
  const rows = await q.execute();
  const deployments = await db.selectFrom('deployments').select(['api_id', 'environment_id']).execute();
  const pending = await db.selectFrom('subscriptions').where('status', '=', 'PENDING').select('api_id').execute();
  return rows.map((r) => ({
    ...toManagedApiDto(r),
    environmentIds: deployments.filter((d) => d.api_id === r.id).map((d) => d.environment_id),
    pendingSubscriptions: pending.filter((p) => p.api_id === r.id).length,
  }));
}
