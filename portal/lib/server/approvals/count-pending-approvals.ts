import 'server-only';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import { requirePublisher } from '../users/require-role';
import { awaitsDecision } from './awaits-decision';

/**
 * How many decisions wait for the caller (an admin: on every API, a publisher: on their own), split into new
 * subscriptions and tier changes. One aggregate query: the header asks for it on every page.
 */
export async function countPendingApprovals(db: Db, actor: Actor) {
  requirePublisher(actor);
  let q = db
    .selectFrom('subscriptions')
    .innerJoin('apis', 'apis.id', 'subscriptions.api_id')
    .where(awaitsDecision)
    .select((eb) => [
      eb.fn.countAll<number | string>().as('total'),
      eb.fn.sum<number | string | null>(eb.case().when('subscriptions.status', '=', 'PENDING').then(1).else(0).end()).as('subscriptions'),
    ]);
  if (actor.role !== 'admin') q = q.where('apis.owner_id', '=', actor.id);
  const row = await q.executeTakeFirstOrThrow();
  // PostgreSQL answers counts and sums as strings (bigint), SQLite as numbers.
  const total = Number(row.total);
  const subscriptions = Number(row.subscriptions ?? 0);
  return { total, subscriptions, tierChanges: total - subscriptions };
}
