import { describe, expect, it } from 'vitest';
import { forgetTryItKeys, REUSE_MARGIN_MS, rememberTryItKey, type StoredTryItKey, storedTryItKey } from './try-it-key-store';

/** The Web Storage interface over a Map: what sessionStorage is, without a browser. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    key: (i) => [...m.keys()][i] ?? null,
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, String(v)),
    removeItem: (k) => void m.delete(k),
    clear: () => m.clear(),
  };
}

const now = Date.parse('2026-12-06T05:00:00Z');
const entry = (over: Partial<StoredTryItKey> = {}): StoredTryItKey => ({
  userId: 'usr_a',
  appId: 'app_1',
  keyId: 'key_1',
  key: 'gk_secret',
  expiresAt: new Date(now + 3_600_000).toISOString(),
  ...over,
});

describe('try-it key store', () => {
  it('hands back a live key only to the user and application it was made for', () => {
    const s = memoryStorage();
    rememberTryItKey(entry(), s);
    expect(storedTryItKey('usr_a', 'app_1', now, s)?.key).toBe('gk_secret');
    expect(storedTryItKey('usr_a', 'app_2', now, s)).toBeNull();
  });

  it("another user signing in on the same tab never reads the previous user's key, which is dropped", () => {
    const s = memoryStorage();
    rememberTryItKey(entry(), s);
    expect(storedTryItKey('usr_b', 'app_1', now, s)).toBeNull();
    expect(s.length).toBe(0);
  });

  it('a key within the reuse margin of its expiry is dropped so a fresh one is made', () => {
    const s = memoryStorage();
    rememberTryItKey(entry({ expiresAt: new Date(now + REUSE_MARGIN_MS).toISOString() }), s);
    expect(storedTryItKey('usr_a', 'app_1', now, s)).toBeNull();
    expect(s.length).toBe(0);
  });

  it('sign-out forgets every try-it key and nothing else in the tab', () => {
    const s = memoryStorage();
    s.setItem('unrelated', 'kept');
    rememberTryItKey(entry(), s);
    rememberTryItKey(entry({ appId: 'app_2' }), s);
    forgetTryItKeys(undefined, s);
    expect(s.length).toBe(1);
    expect(s.getItem('unrelated')).toBe('kept');
  });

  it('a tampered or partial entry reads as none', () => {
    const s = memoryStorage();
    rememberTryItKey(entry(), s);
    const name = s.key(0) ?? '';
    s.setItem(name, JSON.stringify({ ...entry(), key: 42 }));
    expect(storedTryItKey('usr_a', 'app_1', now, s)).toBeNull();
    s.setItem(name, '{not json');
    expect(storedTryItKey('usr_a', 'app_1', now, s)).toBeNull();
  });
});
