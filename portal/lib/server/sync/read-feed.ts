import { SYNC_PROTOCOL_VERSION, type SyncChange, type SyncResponse } from '@gatehouse/sidecar/contract/sync';
import type { Db } from '../db/client';

export interface FeedEnvironment {
  id: string;
  name: string;
}

/**
 * Builds the sync answer for an environment: a delta of every entity changed after `since` (tombstones included),
 * or a full snapshot for a new sidecar and for one whose revision this database never issued (a restored backup:
 * the sidecar will refuse the older revision and keep its state, which is the point).
 */
export async function readFeed(db: Db, env: FeedEnvironment, since: number, corsOrigins: string[]): Promise<SyncResponse> {
  const { revision } = await db
    .selectFrom('environments')
    .where('id', '=', env.id)
    .select('revision')
    .executeTakeFirstOrThrow();
  const current = Number(revision);
  const delta = since > 0 && since <= current;
  let query = db
    .selectFrom('sync_entities')
    .where('environment_id', '=', env.id)
    .where('revision', '<=', current)
    .select(['kind', 'entity_id', 'body']);
  query = delta ? query.where('revision', '>', since) : query.where('body', 'is not', null);
  const rows = await query.orderBy('revision').orderBy('kind').orderBy('entity_id').execute();

  const changes = rows.map((r) => ({ kind: r.kind, id: r.entity_id, data: r.body === null ? null : JSON.parse(r.body) }) as SyncChange);
  return {
    protocol: SYNC_PROTOCOL_VERSION,
    environment: env.name,
    revision: current,
    mode: delta ? 'delta' : 'snapshot',
    since: delta ? since : 0,
    settings: { corsOrigins },
    changes,
  };
}
