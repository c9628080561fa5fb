/** A `$ref` whose target is outside the document, and where it sits (an RFC 6901 JSON pointer). */
export interface ExternalRef {
  pointer: string;
  ref: string;
}

const pointerToken = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * Every `$ref` that does not point inside the document itself (`#...`): relative files, other hosts, absolute URLs.
 * Any `$ref` anywhere counts, also inside examples and extensions, because a renderer may follow it wherever it is.
 * The walk is iterative and visits each object once, so a shared or cyclic value (from YAML aliases) cannot loop.
 */
export function findExternalRefs(root: unknown, limit = 50): ExternalRef[] {
  const found: ExternalRef[] = [];
  const seen = new Set<object>();
  const stack: { value: unknown; pointer: string }[] = [{ value: root, pointer: '' }];
  for (let item = stack.pop(); item && found.length < limit; item = stack.pop()) {
    const { value, pointer } = item;
    if (!value || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (const [key, child] of entries) {
      if (key === '$ref' && typeof child === 'string' && !child.startsWith('#')) found.push({ pointer: `${pointer}/$ref`, ref: child });
      else stack.push({ value: child, pointer: `${pointer}/${pointerToken(key)}` });
    }
  }
  return found.sort((a, b) => (a.pointer < b.pointer ? -1 : 1));
}

/**
 * Replaces each external `$ref` object with a note saying what was removed. Only the serving side uses this, for
 * documents stored before imports refused external references: a reader's browser must never be sent to a host the
 * portal did not choose.
 */
export function dropExternalRefs(root: unknown): number {
  let dropped = 0;
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (!value || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    const record = value as Record<string, unknown>;
    if (typeof record.$ref === 'string' && !record.$ref.startsWith('#')) {
      record.description = `External reference removed by the portal: ${record.$ref}`;
      delete record.$ref;
      dropped++;
    }
    for (const child of Object.values(record)) stack.push(child);
  }
  return dropped;
}
