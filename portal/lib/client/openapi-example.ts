/**
 * A request body to start from: the document's own example when it has one (media type `example`, the first of
 * `examples`, or the schema's), else one built from the schema (examples, defaults and enums first, then a value
 * of the right type). Local `$ref`s are followed; a cycle or a deep schema stops with an empty value.
 */
type Json = unknown;
type Schema = Record<string, unknown>;
const MAX_DEPTH = 6;
/** Schemas visited per example at most: a wide schema nested six deep must not freeze the page. */
const MAX_NODES = 500;

function resolve(doc: Record<string, unknown>, node: unknown, seen: Set<string>): Schema | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const ref = (node as Schema).$ref;
  if (typeof ref !== 'string') return node as Schema;
  // Only references inside this document: an external one is not followed from the reader's browser.
  if (!ref.startsWith('#/') || seen.has(ref)) return undefined;
  let target: unknown = doc;
  for (const part of ref.slice(2).split('/')) {
    const key = part.replaceAll('~1', '/').replaceAll('~0', '~');
    target = target && typeof target === 'object' ? (target as Record<string, unknown>)[key] : undefined;
  }
  return resolve(doc, target, new Set([...seen, ref]));
}

function fromSchema(doc: Record<string, unknown>, node: unknown, depth: number, seen: Set<string>, budget = { nodes: MAX_NODES }): Json {
  const schema = resolve(doc, node, seen);
  if (!schema || depth > MAX_DEPTH || --budget.nodes < 0) return undefined;
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (schema.const !== undefined) return schema.const;
  const ref = typeof (node as Schema).$ref === 'string' ? new Set([...seen, (node as Schema).$ref as string]) : seen;
  const combined = (schema.allOf ?? schema.oneOf ?? schema.anyOf) as unknown[] | undefined;
  if (Array.isArray(combined) && combined.length > 0) {
    if (schema.allOf) return Object.assign({}, ...combined.map((s) => fromSchema(doc, s, depth + 1, ref, budget)).filter((v) => v && typeof v === 'object'));
    return fromSchema(doc, combined[0], depth + 1, ref, budget);
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'object' || schema.properties) {
    const out: Record<string, Json> = {};
    for (const [name, prop] of Object.entries((schema.properties ?? {}) as Record<string, unknown>)) {
      const value = fromSchema(doc, prop, depth + 1, ref, budget);
      if (value !== undefined) out[name] = value;
    }
    return out;
  }
  if (type === 'array') {
    const item = fromSchema(doc, schema.items, depth + 1, ref, budget);
    return item === undefined ? [] : [item];
  }
  if (type === 'string') return schema.format === 'date-time' ? '2026-01-01T00:00:00Z' : schema.format === 'date' ? '2026-01-01' : 'string';
  if (type === 'integer' || type === 'number') return typeof schema.minimum === 'number' ? schema.minimum : 0;
  if (type === 'boolean') return false;
  return undefined;
}

/** The JSON text a try-it body starts with, or `{}` when the operation says nothing usable about its body. */
export function bodyExample(doc: Record<string, unknown>, requestBody: unknown): string {
  const body = resolve(doc, requestBody, new Set());
  const content = (body?.content ?? {}) as Record<string, Schema>;
  const media = content['application/json'] ?? Object.entries(content).find(([type]) => type.includes('json'))?.[1];
  if (!media) return '{}';
  let value: Json = media.example;
  if (value === undefined && media.examples && typeof media.examples === 'object') {
    const first = resolve(doc, Object.values(media.examples as Record<string, unknown>)[0], new Set());
    value = first?.value;
  }
  if (value === undefined) value = fromSchema(doc, media.schema, 0, new Set());
  return JSON.stringify(value ?? {}, null, 2);
}
