import { isObject, resolve } from './resolve';
import type { Json } from './types';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** One operation of a document with what the rules read, its parameters merged from the path item. */
export interface IndexedOperation {
  label: string;
  method: string;
  path: string;
  /** Parameters by `in` and `name` (`query:limit`), each resolved. */
  parameters: Map<string, Json>;
  requestBody: Json | undefined;
  responses: Json;
  /** The requirements that apply: the operation's own, else the document's (OpenAPI's inheritance rule). */
  security: unknown[];
}

/**
 * Operations keyed by method and path with parameter names blanked (`GET /pets/{}`), so renaming `{id}` to
 * `{petId}` is not reported as one operation removed and another added: callers send the same request.
 */
export function indexOperations(doc: Json): Map<string, IndexedOperation> {
  const out = new Map<string, IndexedOperation>();
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = resolve(doc, rawItem);
    if (!item) continue;
    const shared = parametersOf(doc, item.parameters);
    for (const method of METHODS) {
      const op = resolve(doc, item[method]);
      if (!op) continue;
      const parameters = new Map([...shared, ...parametersOf(doc, op.parameters)]);
      out.set(`${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, '{}')}`, {
        label: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        parameters,
        requestBody: resolve(doc, op.requestBody),
        responses: resolve(doc, op.responses) ?? {},
        security: Array.isArray(op.security) ? op.security : Array.isArray(doc.security) ? doc.security : [],
      });
    }
  }
  return out;
}

function parametersOf(doc: unknown, list: unknown): Map<string, Json> {
  const out = new Map<string, Json>();
  if (!Array.isArray(list)) return out;
  for (const raw of list) {
    const p = resolve(doc, raw);
    if (p && typeof p.name === 'string' && typeof p.in === 'string') out.set(`${p.in}:${p.name}`, p);
  }
  return out;
}

/** The JSON-like media types of a body or response, each with its schema (`application/json`, `+json`). */
export function jsonSchemas(doc: unknown, holder: Json | undefined): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const content = resolve(doc, holder?.content);
  for (const [type, media] of Object.entries(content ?? {})) {
    const m = resolve(doc, media);
    if (m && m.schema !== undefined && /[/+]json\b|^\*\/\*$/.test(type)) out.set(type, m.schema);
  }
  return out;
}

/** A pair of the same operation in the old and the new document: what every per-operation rule takes. */
export interface OperationPair {
  before: IndexedOperation;
  after: IndexedOperation;
  beforeDoc: Json;
  afterDoc: Json;
}
