import type { SyncResponse } from '../contract/sync';

export type SyncRejection = 'OTHER_ENVIRONMENT' | 'OLDER_REVISION' | 'EMPTY_SNAPSHOT' | 'DELTA_GAP';

export interface CacheState {
  environment: string | null;
  revision: number;
  entityCount: number;
}

/**
 * Decides whether a validated sync answer may replace the cached state. Each rule keeps the last good state
 * against an answer that would silently lose protection:
 * - another environment: a misissued token must not swap one environment's keys for another's;
 * - an older revision: a rollback would bring revoked keys back;
 * - an empty snapshot over a non-empty cache, unless the portal marks it as an explicit `reset`: most likely a
 *   portal fault, and it would turn every request into 404;
 * - a delta that starts after our revision: the changes in between would be missing.
 */
export function judgeSync(state: CacheState, answer: SyncResponse): SyncRejection | null {
  if (state.environment !== null && answer.environment !== state.environment) return 'OTHER_ENVIRONMENT';
  if (answer.revision < state.revision) return 'OLDER_REVISION';
  const empty = !answer.changes.some((c) => c.data !== null);
  if (answer.mode === 'snapshot' && state.entityCount > 0 && empty && answer.reset !== true) return 'EMPTY_SNAPSHOT';
  if (answer.mode === 'delta' && answer.since > state.revision) return 'DELTA_GAP';
  return null;
}
