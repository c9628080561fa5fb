import { readFileSync } from 'node:fs';

/** File descriptors kept for everything but client connections: the cache file, the admin port, logs, the sync. */
const RESERVED_FDS = 64;

/**
 * The process's soft limit on open files, read from /proc (Node has no getrlimit); null where there is no /proc.
 */
export function openFileLimit(): number | null {
  try {
    const match = /^Max open files\s+(\d+|unlimited)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    if (!match) return null;
    return match[1] === 'unlimited' ? null : Number(match[1]);
  } catch {
    return null;
  }
}

/**
 * The default `--max-connections`: half of what the fd limit leaves after a reserve, because every client connection
 * with a request in flight also holds an upstream socket. Reaching the fd limit would fail every accept and every
 * upstream connect at once (the 502s); reaching this cap only sheds the idlest client (connection-guard.ts).
 */
export function defaultMaxConnections(limit = openFileLimit()): number {
  if (limit === null) return 10_000;
  return Math.max(16, Math.floor((limit - RESERVED_FDS) / 2));
}
