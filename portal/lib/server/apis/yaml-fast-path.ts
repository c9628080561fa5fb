import { CORE_SCHEMA, load, mergeTag } from 'js-yaml';

/** The most nodes that aliases may add to a document when it is expanded into plain JSON. */
export const MAX_ALIAS_EXPANSION_NODES = 1_000_000;

const SCHEMA = CORE_SCHEMA.withTags(mergeTag);

export type FastYaml = { ok: true; value: unknown } | { ok: false; reason: 'aliases' | 'unreadable' };

/**
 * YAML read by js-yaml, which builds plain values straight from its event stream: a 10 MB description reads in a
 * fraction of the time and memory of `yaml`'s document model (see read-openapi-text.ts for the figures). It is the
 * path for documents that read; anything it refuses goes to `yaml`, whose errors carry the publisher's lines.
 *
 * js-yaml shares one object for every use of an anchor, so an alias bomb costs nothing here and everything later,
 * when the value is validated or serialised. Hence the checks after parsing: at most `maxAliases` alias nodes (as
 * `yaml`'s limit was used), no alias inside its own anchor (a cycle no JSON can hold), and at most
 * MAX_ALIAS_EXPANSION_NODES nodes added by expanding the shared ones. The core schema is YAML 1.2's, as `yaml`
 * reads by default (dates stay strings), plus merge keys.
 */
export function readYamlFast(text: string, maxAliases: number): FastYaml {
  let value: unknown;
  try {
    value = load(text, { schema: SCHEMA, maxAliases });
  } catch (err) {
    return { ok: false, reason: /alias/i.test(err instanceof Error ? err.message : '') ? 'aliases' : 'unreadable' };
  }
  const expansion = aliasExpansion(value);
  if (!expansion.withinBounds) return { ok: false, reason: 'aliases' };
  // Copies, as `yaml` made them: later steps (Swagger conversion, dropping external refs) may change one use of an
  // anchor in place, which must not change its other uses.
  return { ok: true, value: expansion.shared ? JSON.parse(JSON.stringify(value)) : value };
}

/**
 * Whether any object is used in more than one place, and whether expanding every such object into its own copy
 * stays within bounds and terminates. Sizes are memoised
 * per object, so the walk is linear in the distinct objects even for a bomb; an object met again while it is still
 * being walked is a cycle.
 */
export function aliasExpansion(root: unknown): { withinBounds: boolean; shared: boolean } {
  const sizes = new Map<object, number>();
  const walking = new Set<object>();
  let shared = false;
  let written = 0; // nodes as written: each distinct object once, with its scalars
  const sizeOf = (node: unknown): number => {
    if (node === null || typeof node !== 'object') {
      written += 1;
      return 1;
    }
    const known = sizes.get(node);
    if (known !== undefined) {
      shared = true;
      return known;
    }
    if (walking.has(node)) return Number.POSITIVE_INFINITY;
    walking.add(node);
    written += 1;
    let size = 1;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      size += sizeOf(child);
      if (size === Number.POSITIVE_INFINITY) break;
    }
    walking.delete(node);
    sizes.set(node, size);
    return size;
  };
  const expanded = sizeOf(root);
  return { withinBounds: Number.isFinite(expanded) && expanded - written <= MAX_ALIAS_EXPANSION_NODES, shared: shared || !Number.isFinite(expanded) };
}
