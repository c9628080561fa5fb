import type { Json } from './types';

const MAX_HOPS = 32;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Follows local `$ref`s (`#/components/...`) until a value that is not a reference. Stored documents keep their
 * internal references (process-openapi.ts), so every comparison goes through here. An unresolvable or endless chain
 * answers undefined: the diff then says nothing about that part rather than guessing.
 */
export function resolve(doc: unknown, node: unknown): Json | undefined {
  let current = node;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    if (!isObject(current)) return undefined;
    const ref = current.$ref;
    if (typeof ref !== 'string') return current;
    if (!ref.startsWith('#')) return undefined;
    current = pointer(doc, ref.slice(1));
  }
  return undefined;
}

/** The `$ref` a node names, if any: the identity cycles are detected by. */
export const refOf = (node: unknown): string | null => (isObject(node) && typeof node.$ref === 'string' ? node.$ref : null);

function pointer(doc: unknown, path: string): unknown {
  let at: unknown = doc;
  for (const raw of path.split('/').slice(1)) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (!isObject(at) && !Array.isArray(at)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

export { isObject };
