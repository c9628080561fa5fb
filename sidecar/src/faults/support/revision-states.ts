import { createHash } from 'node:crypto';
import type { SyncChange, SyncResponse } from '../../contract/sync';

/**
 * A deterministic history for the kill -9 test: the answer that brings a cache to revision `rev` and the full state
 * the cache must hold at `rev` are both pure functions of `rev`, so a checker can tell, for any revision found on
 * disk, whether every row is exactly that revision's and nothing is half old, half new.
 * Odd revisions are full snapshots; even revisions are deltas that update half the keys, delete a quarter and add
 * a quarter, and move the route.
 */
const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');

const keyChange = (id: string, rev: number): SyncChange => ({
  kind: 'key',
  id,
  data: { hash: hashOf(`${id}@${rev}`), keyId: id, appId: `app-${rev}`, expiresAt: null },
});

const routeChange = (rev: number): SyncChange => ({
  kind: 'route',
  id: 'api-1',
  data: { apiId: 'api-1', name: 'API', version: 'v1', context: '/api/v1', upstreamUrl: `http://up${rev}.test`, status: 'active' },
});

export function answerAt(rev: number, keys: number): SyncResponse {
  const base = { protocol: 1 as const, environment: 'default', revision: rev, settings: { corsOrigins: [`http://rev${rev}.test`] } };
  if (rev % 2 === 1) {
    const changes = Array.from({ length: keys }, (_, i) => keyChange(`k${i}`, rev));
    return { ...base, mode: 'snapshot', since: 0, changes: [routeChange(rev), ...changes] };
  }
  const changes: SyncChange[] = [routeChange(rev)];
  for (let i = 0; i < keys / 2; i++) changes.push(keyChange(`k${i}`, rev));
  for (let i = keys / 2; i < (keys * 3) / 4; i++) changes.push({ kind: 'key', id: `k${i}`, data: null });
  for (let i = 0; i < keys / 4; i++) changes.push(keyChange(`x${rev}-${i}`, rev));
  return { ...base, mode: 'delta', since: rev - 1, changes };
}

/** Rows (`kind\0id` -> JSON data) and settings that a cache at `rev` holds; revision 0 is the empty cache. */
export function stateAt(rev: number, keys: number): { rows: Map<string, string>; settings: string } {
  const rows = new Map<string, string>();
  if (rev === 0) return { rows, settings: '' };
  const apply = (answer: SyncResponse) => {
    if (answer.mode === 'snapshot') rows.clear();
    for (const c of answer.changes) {
      if (c.data === null) rows.delete(`${c.kind}\u0000${c.id}`);
      else rows.set(`${c.kind}\u0000${c.id}`, JSON.stringify(c.data));
    }
  };
  if (rev % 2 === 0) apply(answerAt(rev - 1, keys));
  const last = answerAt(rev, keys);
  apply(last);
  return { rows, settings: JSON.stringify(last.settings) };
}
