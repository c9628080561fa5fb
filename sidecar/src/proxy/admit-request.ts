import type { IncomingHttpHeaders } from 'node:http';
import type { CompiledRoute } from '../cache/cache-index';
import type { SidecarCache } from '../cache/cache-store';
import { judgeFreshness } from '../cache/freshness';
import type { Problem } from '../contract/problem';
import type { TierEntity } from '../contract/sync';
import { extractApiKey, type PresentedKey } from '../verify/extract-api-key';
import { verifyRequest } from '../verify/verify-request';
import type { CanonicalPath } from './canonical-path';
import { matchRoute } from './match-route';
import { problems, rejectionProblem } from './problems';

export type Admission =
  | { ok: false; problem: Problem }
  | {
      ok: true;
      compiled: CompiledRoute;
      rest: string;
      presented: PresentedKey;
      appId: string;
      apiId: string;
      keyId: string;
      subscriptionId: string;
      tier: TierEntity | null;
    };

export interface AdmissionInput {
  cache: SidecarCache;
  /** Decided once at the edge (canonical-path.ts): what is matched here is what is forwarded. */
  path: CanonicalPath;
  headers: IncomingHttpHeaders;
  now: number;
  maxStalenessS: number | undefined;
}

/**
 * The decision half of the request path (DESIGN.md), after framing and target were judged: freshness -> route -> route status -> key -> subscription.
 * Pure data in, data out; it reads only the in-memory index and never calls the cloud.
 */
export function admitRequest({ cache, path, headers, now, maxStalenessS }: AdmissionInput): Admission {
  const freshness = judgeFreshness(cache.meta.lastSyncAt, now, maxStalenessS);
  if (freshness.state === 'NOT_SYNCED') return deny(problems.notSynced());
  if (freshness.state === 'STALE') return deny(problems.stale(freshness.stalenessSeconds));

  const index = cache.index;
  const match = matchRoute(index, path);
  if (!match) return deny(problems.noRoute());
  if (match.compiled.route.status !== 'active') return deny(problems.apiBlocked());

  const presented = extractApiKey(headers);
  const verdict = verifyRequest({ presented, apiId: match.compiled.route.apiId, index, now });
  if (!verdict.ok) return deny(rejectionProblem(verdict.code));
  if (!presented) return deny(rejectionProblem('MISSING'));
  const { appId, apiId, keyId, subscriptionId, tier } = verdict;
  return { ok: true, compiled: match.compiled, rest: match.rest, presented, appId, apiId, keyId, subscriptionId, tier };
}

// Module-level rather than a closure inside admitRequest: it runs per request.
function deny(problem: Problem): Admission {
  return { ok: false, problem };
}
