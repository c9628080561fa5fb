import { parseDocument } from 'yaml';
import { readYamlFast } from './yaml-fast-path';

export type ReadOutcome = { ok: true; value: unknown } | { ok: false; problems: string[] };

/** Alias expansions allowed in a YAML document: real API descriptions use few; an alias bomb uses millions. */
export const MAX_YAML_ALIASES = 100;

const ALIAS_PROBLEM = `The YAML uses aliases (*name) more than ${MAX_YAML_ALIASES} times, or expands them past a bound; the portal refuses that as a guard against alias expansion ("billion laughs"). Write the repeated parts out, or use $ref.`;

/**
 * Reads a document's text into a value. JSON goes through JSON.parse, which is an order of magnitude faster and
 * leaner than a YAML parser on the same text (GitHub's 13 MB description: 0.6 s and ~40 MB instead of seconds and
 * hundreds of MB). Anything else, and JSON that JSON.parse refuses, is YAML: read by js-yaml (yaml-fast-path.ts;
 * GitHub's description as 10 MB of YAML imports in 2.4-4.6 s at 235-247 MiB peak RSS instead of 5.9 s and 549 MiB), and when js-yaml refuses it, by `yaml`, which reports each
 * error with a code frame of the publisher's own lines. Merge keys (`<<`) are honoured. Nothing here throws.
 */
export function readOpenApiText(text: string): ReadOutcome {
  if (text.trimStart().startsWith('{')) {
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch {
      // Not strict JSON (a comment, a trailing comma, YAML flow style): the YAML parser reads it or says where not.
    }
  }
  const fast = readYamlFast(text, MAX_YAML_ALIASES);
  if (fast.ok) return fast;
  if (fast.reason === 'aliases') return { ok: false, problems: [ALIAS_PROBLEM] };
  const parsed = parseDocument(text, { prettyErrors: true, uniqueKeys: true, merge: true });
  if (parsed.errors.length > 0) return { ok: false, problems: parsed.errors.map((e) => e.message) };
  try {
    return { ok: true, value: parsed.toJS({ maxAliasCount: MAX_YAML_ALIASES }) };
  } catch (err) {
    // yaml throws a ReferenceError for an alias bomb and for an alias to an anchor that is defined later.
    const message = err instanceof Error ? err.message : String(err);
    if (/alias count/i.test(message)) {
      return { ok: false, problems: [ALIAS_PROBLEM] };
    }
    return { ok: false, problems: [`The YAML could not be read: ${message}`] };
  }
}
