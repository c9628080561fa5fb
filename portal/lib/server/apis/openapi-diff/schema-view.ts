import { isObject, refOf, resolve } from './resolve';

/** A schema reduced to what the rules compare, with `allOf` merged and `$ref`s followed. */
export interface SchemaView {
  /** The JSON types accepted, `null` included for 3.0's `nullable`; null when the schema does not say (any). */
  types: string[] | null;
  enum: unknown[] | null;
  properties: Record<string, unknown>;
  required: string[];
  items: unknown;
  /** `oneOf`/`anyOf` at this level: the shape is a choice, so property rules stay silent rather than guess. */
  choice: boolean;
  /** The `$ref` this view came from, used to stop at cycles. */
  ref: string | null;
}

const MAX_ALLOF_DEPTH = 8;

export function viewSchema(doc: unknown, node: unknown, depth = 0): SchemaView | undefined {
  const schema = resolve(doc, node);
  if (!schema) return undefined;
  const view: SchemaView = { types: typesOf(schema), enum: Array.isArray(schema.enum) ? schema.enum : null, properties: {}, required: [], items: schema.items, choice: Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf), ref: refOf(node) };
  if (isObject(schema.properties)) Object.assign(view.properties, schema.properties);
  if (Array.isArray(schema.required)) view.required.push(...schema.required.map(String));
  if (Array.isArray(schema.allOf) && depth < MAX_ALLOF_DEPTH) {
    for (const part of schema.allOf) {
      const sub = viewSchema(doc, part, depth + 1);
      if (!sub) continue;
      view.properties = { ...sub.properties, ...view.properties };
      view.required.push(...sub.required);
      view.types ??= sub.types;
      view.enum ??= sub.enum;
      view.items ??= sub.items;
      view.choice ||= sub.choice;
    }
  }
  return view;
}

function typesOf(schema: Record<string, unknown>): string[] | null {
  const t = schema.type;
  const types = typeof t === 'string' ? [t] : Array.isArray(t) ? t.map(String) : null;
  if (types && schema.nullable === true && !types.includes('null')) types.push('null');
  return types;
}

/** Whether a schema accepting `after` still accepts every value of JSON type `type`: an integer is a number. */
export const acceptsType = (after: string[] | null, type: string) => after === null || after.includes(type) || (type === 'integer' && after.includes('number'));
