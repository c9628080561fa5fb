/** Keys that could reach an object's prototype if a parsed body were ever merged or spread into another object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export class ForbiddenKeyError extends Error {
  readonly code = 'FORBIDDEN_KEY';
}

/**
 * Nesting depth of a JSON text, measured on the raw bytes before parsing: deeply nested input can exhaust the
 * parser's stack, and nothing in the sync contract nests deeper than a handful of levels. Brackets inside strings
 * do not count. Stops as soon as `limit` is exceeded.
 */
export function exceedsJsonDepth(bytes: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (inString) {
      if (byte === 0x5c) i++; // backslash: skip the escaped character
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) {
      if (++depth > limit) return true;
    } else if (byte === 0x7d || byte === 0x5d) depth--;
  }
  return false;
}

/**
 * JSON.parse with a reviver that refuses prototype-shaped keys. A reviver sees keys after unescaping, so
 * `"\u005f_proto__"` is caught too, which a text search would miss. The contract never uses these names.
 */
export function parseJsonSafely(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => {
    if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKeyError(`forbidden key "${key}"`);
    return value;
  });
}
