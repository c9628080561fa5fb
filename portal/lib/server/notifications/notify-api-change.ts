import 'server-only';
import type { Transaction } from 'kysely';
import type { ApiStatus, DB } from '../db/schema';
import { successorsOf } from '../subscriptions/successors';
import { addNotifications, type NewNotification } from './add-notifications';

interface ChangedApi {
  id: string;
  name: string;
  version: string;
  context: string;
  lineage_id: string | null;
}

const day = (iso: string) => iso.slice(0, 10);

/**
 * Tells the developers whose applications use an API what a lifecycle change means for them: one notice per
 * developer naming their applications. A first publication tells the subscribers of the API's other versions that
 * a new version exists. Runs in the status change's transaction.
 */
export async function notifyApiChange(trx: Transaction<DB>, api: ChangedApi, from: ApiStatus, to: ApiStatus, at: string): Promise<void> {
  const lineage = api.lineage_id ?? api.id;
  const name = `${api.name} ${api.version}`;
  if (to === 'PUBLISHED') {
    if (from !== 'CREATED') return;
    const users = await subscribersOf(trx, (q) => q.where((eb) => eb.or([eb('apis.lineage_id', '=', lineage), eb('apis.id', '=', lineage)])).where('apis.id', '!=', api.id));
    await addNotifications(
      trx,
      [...users].map(([userId, apps]) => ({
        userId,
        kind: 'api.new-version',
        title: `${name} is published`,
        body: `A new version of ${api.name} is available, used today by ${apps.join(', ')}.`,
        link: `/apis/${encodeURIComponent(api.id)}`,
      })),
    );
    return;
  }
  if (to !== 'DEPRECATED' && to !== 'RETIRED' && to !== 'BLOCKED') return;
  const users = await subscribersOf(trx, (q) => q.where('apis.id', '=', api.id));
  const successor = (await successorsOf(trx, [{ id: api.id, lineage }])).get(api.id);
  const move = successor ? ` Move to ${successor.version}.` : '';
  const noticeText = (apps: string): Omit<NewNotification, 'userId' | 'link'> => {
    if (to === 'DEPRECATED') return { kind: 'api.deprecated', title: `${name} is deprecated`, body: `Deprecated on ${day(at)}. Gateways still serve ${api.context} for ${apps}.${move}` };
    if (to === 'RETIRED') return { kind: 'api.retired', title: `${name} is retired`, body: `Retired on ${day(at)}: gateways answer 404 on ${api.context} for ${apps}.${move}` };
    return { kind: 'api.blocked', title: `${name} is blocked`, body: `Blocked on ${day(at)} by its publisher: gateways answer 403 on ${api.context} for ${apps} until it is unblocked.` };
  };
  await addNotifications(
    trx,
    [...users].map(([userId, apps, firstAppId]) => ({
      userId,
      ...noticeText(apps.join(', ')),
      link: successor ? `/apis/${encodeURIComponent(successor.id)}` : `/apps/${encodeURIComponent(firstAppId)}`,
    })),
  );
}

/** Owners of the applications subscribed (in any state but rejected) to the APIs the filter picks: [user, app names, first app]. */
async function subscribersOf(
  trx: Transaction<DB>,
  filter: (q: ReturnType<typeof baseQuery>) => ReturnType<typeof baseQuery>,
): Promise<[string, string[], string][]> {
  const rows = await filter(baseQuery(trx)).execute();
  const byUser = new Map<string, { apps: string[]; first: string }>();
  for (const r of rows) {
    const entry = byUser.get(r.owner_id) ?? { apps: [], first: r.app_id };
    if (!entry.apps.includes(r.app_name)) entry.apps.push(r.app_name);
    byUser.set(r.owner_id, entry);
  }
  return [...byUser].map(([user, e]) => [user, e.apps, e.first]);
}

function baseQuery(trx: Transaction<DB>) {
  return trx
    .selectFrom('subscriptions')
    .innerJoin('apis', 'apis.id', 'subscriptions.api_id')
    .innerJoin('applications', 'applications.id', 'subscriptions.app_id')
    .where('subscriptions.status', '!=', 'REJECTED')
    .select(['applications.owner_id', 'applications.id as app_id', 'applications.name as app_name'])
    .orderBy('applications.name');
}
