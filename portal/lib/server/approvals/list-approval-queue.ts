import 'server-only';
import { z } from 'zod';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import { requirePublisher } from '../users/require-role';
import { awaitsDecision } from './awaits-decision';

export const approvalQueueQuery = z.strictObject({ status: z.enum(['PENDING', 'ACTIVE', 'REJECTED', 'BLOCKED']).default('PENDING') });

/**
 * Subscriptions to the caller's APIs (an admin: all APIs) in one state, oldest first: the approval queue. The
 * pending queue also holds active subscriptions asking for another tier.
 */
export async function listApprovalQueue(db: Db, actor: Actor, query: z.infer<typeof approvalQueueQuery>) {
  requirePublisher(actor);
  let q = db
    .selectFrom('subscriptions')
    .innerJoin('apis', 'apis.id', 'subscriptions.api_id')
    .innerJoin('applications', 'applications.id', 'subscriptions.app_id')
    .innerJoin('users', 'users.id', 'applications.owner_id')
    .innerJoin('tiers', 'tiers.id', 'subscriptions.tier_id')
    .leftJoin('tiers as requested', 'requested.id', 'subscriptions.requested_tier_id')
    .where((eb) => (query.status === 'PENDING' ? awaitsDecision : eb('subscriptions.status', '=', query.status)))
    .select([
      'subscriptions.id',
      'subscriptions.status',
      'subscriptions.created_at',
      'apis.id as api_id',
      'apis.name as api_name',
      'apis.version as api_version',
      'applications.id as app_id',
      'applications.name as app_name',
      'users.email as owner_email',
      'tiers.name as tier_name',
      'requested.name as requested_tier_name',
    ])
    .orderBy('subscriptions.created_at');
  if (actor.role !== 'admin') q = q.where('apis.owner_id', '=', actor.id);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    createdAt: r.created_at,
    api: { id: r.api_id, name: r.api_name, version: r.api_version },
    app: { id: r.app_id, name: r.app_name, ownerEmail: r.owner_email },
    tier: { name: r.tier_name },
    /** Set when an active subscription asks to move to this tier. */
    requestedTier: r.requested_tier_name ? { name: r.requested_tier_name } : null,
  }));
}
