import 'server-only';
import type { UsageEvent } from '@gatehouse/sidecar/contract/analytics';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';

const pair = (appId: string, apiId: string) => `${appId}\u0000${apiId}`;

/**
 * Splits a batch into what the reporting gateway could have seen and what it could not. A gateway routes only the
 * APIs deployed to its environment and admits only keys of applications subscribed to them, so an event naming
 * any other API, subscription or key is forged (or misrouted) and must not reach quotas, usage or key last-used
 * times: a staging token once exhausted a production subscription's monthly quota this way (issue #13).
 * A subscription blocked or a key revoked since the request still counts: the event describes the past.
 */
export async function reportableEvents(trx: Transaction<DB>, environmentId: string, events: readonly UsageEvent[]) {
  if (events.length === 0) return { accepted: [] as UsageEvent[], rejected: 0 };
  const apiIds = [...new Set(events.map((e) => e.apiId))];
  const appIds = [...new Set(events.map((e) => e.appId))];
  const keyIds = [...new Set(events.flatMap((e) => (e.keyId ? [e.keyId] : [])))];
  const routed = await trx
    .selectFrom('deployments')
    .innerJoin('subscriptions', 'subscriptions.api_id', 'deployments.api_id')
    .where('deployments.environment_id', '=', environmentId)
    .where('deployments.api_id', 'in', apiIds)
    .where('subscriptions.app_id', 'in', appIds)
    .select(['subscriptions.app_id', 'subscriptions.api_id'])
    .execute();
  const subscribed = new Set(routed.map((r) => pair(r.app_id, r.api_id)));
  const keys = keyIds.length === 0 ? [] : await trx.selectFrom('api_keys').where('id', 'in', keyIds).select(['id', 'app_id']).execute();
  const keyApp = new Map(keys.map((k) => [k.id, k.app_id]));
  const accepted = events.filter((e) => subscribed.has(pair(e.appId, e.apiId)) && (e.keyId === undefined || keyApp.get(e.keyId) === e.appId));
  return { accepted, rejected: events.length - accepted.length };
}
