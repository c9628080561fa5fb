/**
 * Errors that stop the sidecar from starting on its cache file, with a `code` callers branch on. Anything else
 * thrown while opening a cache means the file itself is unusable, and start-up moves it aside instead of dying.
 */
export class CacheInUseError extends Error {
  readonly code = 'CACHE_IN_USE';
  constructor(path: string) {
    super(
      `cache file ${path} is in use by another sidecar process; each sidecar needs its own --cache file ` +
        '(stop the other process, or give this one another path)',
    );
  }
}

export class CacheTooNewError extends Error {
  readonly code = 'CACHE_TOO_NEW';
  constructor(path: string, version: number, supported: number) {
    super(`cache file ${path} has schema version ${version}, newer than this sidecar understands (${supported})`);
  }
}

/** The file opened but its content cannot be trusted (failed integrity check or undecodable rows). */
export class CacheCorruptError extends Error {
  readonly code = 'CACHE_CORRUPT';
}

export function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}
