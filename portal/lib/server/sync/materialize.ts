import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { desiredForKey } from './key-scope';
import { type DesiredEntity, desiredForScope, type KeyScope, type Scope } from './scopes';

type WholeScope = Exclude<Scope, KeyScope>;
const isKeyScope = (s: Scope): s is KeyScope => s.startsWith('key:');

export interface RefreshResult {
  /** Environments whose revision moved; the caller notifies them after the transaction commits. */
  changed: { environmentId: string; revision: number }[];
}

/**
 * Recomputes the given scopes for every environment and records the differences in `sync_entities` under one new
 * revision per environment. Deletions stay as tombstones (body null) so that a sidecar asking for changes since an
 * older revision learns about them. Must run inside the transaction that made the change, so the feed never shows
 * a state the database did not commit.
 */
export async function refreshSyncScopes(trx: Transaction<DB>, scopes: readonly Scope[]): Promise<RefreshResult> {
  const unique = [...new Set(scopes)];
  const changed: RefreshResult['changed'] = [];
  if (unique.length === 0) return { changed };
  const whole = unique.filter((s): s is WholeScope => !isKeyScope(s));
  const keyIds = unique.filter(isKeyScope).map((s) => s.slice('key:'.length));
  const environments = await trx.selectFrom('environments').select(['id', 'revision']).execute();

  for (const env of environments) {
    const desired = new Map<string, DesiredEntity>();
    for (const scope of whole) {
      for (const e of await desiredForScope(trx, env.id, scope)) desired.set(`${e.kind}\u0000${e.id}`, e);
    }
    const hashes: string[] = [];
    for (const keyId of keyIds) {
      const slice = await desiredForKey(trx, env.id, keyId);
      // A key whose whole application is refreshed here as well is already part of `desired`.
      if (!slice || whole.includes(`app:${slice.appId}`)) continue;
      hashes.push(slice.hash);
      for (const e of slice.desired) desired.set(`${e.kind}\u0000${e.id}`, e);
    }
    const base = trx.selectFrom('sync_entities').where('environment_id', '=', env.id).select(['kind', 'entity_id', 'body']);
    const existing = [
      ...(whole.length > 0 ? await base.where('scope', 'in', whole).execute() : []),
      ...(hashes.length > 0 ? await base.where('kind', '=', 'key').where('entity_id', 'in', hashes).execute() : []),
    ];

    const revision = Number(env.revision) + 1;
    let dirty = false;
    const seen = new Set<string>();
    for (const row of existing) {
      const key = `${row.kind}\u0000${row.entity_id}`;
      seen.add(key);
      const want = desired.get(key);
      if (want ? want.body === row.body : row.body === null) continue;
      dirty = true;
      await trx
        .updateTable('sync_entities')
        .set({ body: want?.body ?? null, revision })
        .where('environment_id', '=', env.id)
        .where('kind', '=', row.kind)
        .where('entity_id', '=', row.entity_id)
        .execute();
    }
    for (const [key, e] of desired) {
      if (seen.has(key)) continue;
      dirty = true;
      await trx
        .insertInto('sync_entities')
        .values({ environment_id: env.id, kind: e.kind, entity_id: e.id, scope: e.scope, body: e.body, revision })
        .execute();
    }
    if (dirty) {
      await trx.updateTable('environments').set({ revision }).where('id', '=', env.id).execute();
      changed.push({ environmentId: env.id, revision });
    }
  }
  return { changed };
}
