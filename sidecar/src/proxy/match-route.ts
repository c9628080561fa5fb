import type { CacheIndex, CompiledRoute } from '../cache/cache-index';
import type { CanonicalPath } from './canonical-path';

export interface RouteMatch {
  compiled: CompiledRoute;
  /** What follows the context: '' or a path starting with '/'. */
  rest: string;
}

/**
 * Longest path-prefix match on whole segments: `/pets/v1` matches `/pets/v1` and `/pets/v1/...`, never
 * `/pets/v10`. Walking up one segment at a time costs one Map lookup per segment, whatever the number of routes.
 */
export function matchRoute(index: CacheIndex, pathname: CanonicalPath): RouteMatch | null {
  let candidate: string = pathname;
  while (candidate.length > 1) {
    const compiled = index.routeByContext(candidate);
    if (compiled) return { compiled, rest: pathname.slice(candidate.length) };
    const cut = candidate.lastIndexOf('/');
    if (cut <= 0) break;
    candidate = candidate.slice(0, cut);
  }
  return null;
}
