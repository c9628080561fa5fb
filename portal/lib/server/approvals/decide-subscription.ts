import 'server-only';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { AppError, notFound } from '../errors';
import { addNotifications } from '../notifications/add-notifications';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { type Touch, syncedTransaction } from '../sync/synced-transaction';
import { requirePublisher } from '../users/require-role';

export type Decision = 'approve' | 'reject';

/**
 * Approves (ACTIVE) or rejects (REJECTED) a pending subscription to one of the caller's APIs. Approval touches the
 * application's scope, so its keys reach the gateways of the API's environments within one sync.
 */
export async function decideSubscription(db: Db, actor: Actor, subscriptionId: string, decision: Decision) {
  requirePublisher(actor);
  return syncedTransaction(db, async (trx, touch) => {
    let q = trx
      .selectFrom('subscriptions')
      .innerJoin('apis', 'apis.id', 'subscriptions.api_id')
      .where('subscriptions.id', '=', subscriptionId)
      .innerJoin('applications', 'applications.id', 'subscriptions.app_id')
      .select(['subscriptions.id', 'subscriptions.app_id', 'subscriptions.status', 'subscriptions.api_id', 'subscriptions.requested_tier_id', 'apis.name as api_name', 'apis.version as api_version', 'applications.name as app_name', 'applications.owner_id']);
    if (actor.role !== 'admin') q = q.where('apis.owner_id', '=', actor.id);
    const sub = await q.executeTakeFirst();
    if (!sub) throw notFound('Subscription');
    if (sub.status === 'ACTIVE' && sub.requested_tier_id) return decideTierChange(trx, actor, { ...sub, requested_tier_id: sub.requested_tier_id }, decision, touch);
    if (sub.status !== 'PENDING') throw new AppError('CONFLICT', `This subscription is ${sub.status}, not pending`);
    const status = decision === 'approve' ? ('ACTIVE' as const) : ('REJECTED' as const);
    await trx.updateTable('subscriptions').set({ status }).where('id', '=', sub.id).execute();
    await recordAudit(trx, actor, `subscription.${decision}`, { type: 'subscription', id: sub.id }, { apiId: sub.api_id, appId: sub.app_id });
    await addNotifications(trx, [
      {
        userId: sub.owner_id,
        kind: 'subscription.decided',
        title: `${sub.api_name} ${sub.api_version}: subscription ${decision === 'approve' ? 'approved' : 'rejected'}`,
        body:
          decision === 'approve'
            ? `${sub.app_name} may now call ${sub.api_name} ${sub.api_version}; its keys work within a second.`
            : `The publisher rejected ${sub.app_name}'s subscription to ${sub.api_name} ${sub.api_version}.`,
        link: `/apps/${encodeURIComponent(sub.app_id)}`,
      },
    ]);
    touch(`app:${sub.app_id}`);
    return { id: sub.id, status };
  });
}

/** A tier change of an active subscription: approving applies it at the gateways, rejecting keeps the current tier. */
async function decideTierChange(
  trx: Transaction<DB>,
  actor: Actor,
  sub: { id: string; app_id: string; api_id: string; requested_tier_id: string; api_name: string; api_version: string; app_name: string; owner_id: string },
  decision: Decision,
  touch: Touch,
) {
  const tier = await trx.selectFrom('tiers').where('id', '=', sub.requested_tier_id).select('name').executeTakeFirst();
  const patch = decision === 'approve' ? { tier_id: sub.requested_tier_id, requested_tier_id: null } : { requested_tier_id: null };
  await trx.updateTable('subscriptions').set(patch).where('id', '=', sub.id).execute();
  await recordAudit(trx, actor, `subscription.tier.${decision}`, { type: 'subscription', id: sub.id }, { apiId: sub.api_id, appId: sub.app_id, tierId: sub.requested_tier_id });
  await addNotifications(trx, [
    {
      userId: sub.owner_id,
      kind: 'subscription.decided',
      title: `${sub.api_name} ${sub.api_version}: tier change ${decision === 'approve' ? 'approved' : 'rejected'}`,
      body:
        decision === 'approve'
          ? `${sub.app_name} is now on the ${tier?.name ?? 'requested'} tier; the gateways apply its limits within a second.`
          : `The publisher kept ${sub.app_name} on its current tier (it asked for ${tier?.name ?? 'another tier'}).`,
      link: `/apps/${encodeURIComponent(sub.app_id)}`,
    },
  ]);
  if (decision === 'approve') touch(`app:${sub.app_id}`);
  return { id: sub.id, status: 'ACTIVE' as const };
}
