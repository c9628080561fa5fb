import { existsSync, renameSync } from 'node:fs';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { CacheInUseError, CacheTooNewError } from './cache-errors';
import { openCache, type SidecarCache } from './cache-store';

/** SQLite keeps a file's recent commits in these companions; they belong to the file and move with it. */
const COMPANIONS = ['', '-wal', '-shm', '-journal'];

/**
 * Opens the cache, and when the file is corrupt or unreadable, moves it aside (kept for inspection, renamed with a
 * timestamp), logs it and starts empty: the sync loop then fetches a full snapshot. A sidecar that died on a bad
 * file would crash-loop, and a crash-looping gateway serves nothing, whereas an empty one answers 503 and recovers
 * by itself at the first sync. Two conditions are NOT moved aside: a file another sidecar holds (moving it would
 * break that sidecar) and a file from a newer release (an operator's downgrade, to be decided by a person).
 */
export function openCacheOrRecover(path: string, now: Clock, logger: Logger): SidecarCache {
  try {
    return openCache(path, now);
  } catch (error) {
    if (error instanceof CacheInUseError || error instanceof CacheTooNewError || path === ':memory:') throw error;
    const movedTo = moveAside(path, now());
    logger.error({ err: error, path, movedTo }, 'cache file is corrupt or unreadable: moved aside, starting empty and resyncing');
    return openCache(path, now);
  }
}

/** `cache.db` -> `cache.db.corrupt-20300101T000000Z`, with its -wal / -shm beside it under the same stamp. */
export function moveAside(path: string, at: number): string {
  const stamp = new Date(at).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  let target = `${path}.corrupt-${stamp}`;
  for (let n = 2; existsSync(target); n++) target = `${path}.corrupt-${stamp}-${n}`;
  for (const suffix of COMPANIONS) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix);
  }
  return target;
}
