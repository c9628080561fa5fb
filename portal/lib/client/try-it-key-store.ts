/**
 * The try-it keys this tab created, so that "Create a try-it key" hands back the live one instead of adding a key
 * row per click.
 *
 * Why the browser keeps the secret rather than the server re-issuing it: the portal stores only a key's SHA-256 and
 * shows the plaintext once, and that stays true; re-issuing the secret of an existing row on the server would break
 * the same key in another tab still using it, and would need a new endpoint and a column to mark try-it keys.
 * sessionStorage (not localStorage) because it belongs to one tab and ends with it: a secret never outlives the tab
 * that was shown it, and is never seen by another tab or a later visitor. Entries are scoped by user and application,
 * other users' entries are dropped whenever they are seen, and sign-out drops them all (`forgetTryItKeys`).
 */
export interface StoredTryItKey {
  userId: string;
  appId: string;
  keyId: string;
  key: string;
  expiresAt: string;
}

const PREFIX = 'gatehouse:try-it-key:';

/** A key about to expire is not worth handing back: a fresh one serves the next hour. */
export const REUSE_MARGIN_MS = 5 * 60_000;

const entryName = (userId: string, appId: string) => `${PREFIX}${encodeURIComponent(userId)}:${encodeURIComponent(appId)}`;

function tabStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null; // Storage can be disabled; every click then creates a key, as before.
  }
}

function ownEntries(storage: Storage): string[] {
  const names: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const name = storage.key(i);
    if (name?.startsWith(PREFIX)) names.push(name);
  }
  return names;
}

/**
 * The live try-it key this tab holds for the user's application, or null. Drops what is of no further use on the
 * way: other users' keys, and keys expired or within the reuse margin of expiry.
 */
export function storedTryItKey(userId: string, appId: string, now = Date.now(), storage = tabStorage()): StoredTryItKey | null {
  if (!storage) return null;
  const mine = `${PREFIX}${encodeURIComponent(userId)}:`;
  for (const name of ownEntries(storage)) {
    if (!name.startsWith(mine)) storage.removeItem(name);
  }
  const raw = storage.getItem(entryName(userId, appId));
  if (!raw) return null;
  const entry = parse(raw);
  if (!entry || entry.userId !== userId || entry.appId !== appId || Date.parse(entry.expiresAt) - now <= REUSE_MARGIN_MS) {
    storage.removeItem(entryName(userId, appId));
    return null;
  }
  return entry;
}

export function rememberTryItKey(entry: StoredTryItKey, storage = tabStorage()): void {
  try {
    storage?.setItem(entryName(entry.userId, entry.appId), JSON.stringify(entry));
  } catch {
    // A full or disabled storage only costs a second key on the next click.
  }
}

/** Forgets one application's key (e.g. it was revoked), or, without arguments, every try-it key this tab holds. */
export function forgetTryItKeys(only?: { userId: string; appId: string }, storage = tabStorage()): void {
  if (!storage) return;
  if (only) storage.removeItem(entryName(only.userId, only.appId));
  else for (const name of ownEntries(storage)) storage.removeItem(name);
}

function parse(raw: string): StoredTryItKey | null {
  try {
    const v = JSON.parse(raw) as Partial<StoredTryItKey>;
    const fields = [v.userId, v.appId, v.keyId, v.key, v.expiresAt];
    return fields.every((f) => typeof f === 'string' && f.length > 0) && !Number.isNaN(Date.parse(v.expiresAt as string)) ? (v as StoredTryItKey) : null;
  } catch {
    return null;
  }
}
