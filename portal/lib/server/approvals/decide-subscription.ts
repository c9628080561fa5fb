import 'server-only';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { AppError, notFound } from '../errors';
import { addNotifications } from '../notifications/add-notifications';
import { syncedTransaction } from '../sync/synced-transaction';
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
      .select(['subscriptions.id', 'subscriptions.app_id', 'subscriptions.status', 'subscriptions.api_id', 'apis.name as api_name', 'apis.version as api_version', 'applications.name as app_name', 'applications.owner_id']);
    if (actor.role !== 'admin') q = q.where('apis.owner_id', '=', actor.id);
    const sub = await q.executeTakeFirst();
    if (!sub) throw notFound('Subscription');
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
