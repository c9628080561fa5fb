import { type SchemaView, viewSchema } from './schema-view';

const MAX_DEPTH = 12;

/** Where in a schema a rule is looking: `''` is the root, `category.name` a nested property, `tags[]` array items. */
export type SchemaPath = string;

export const joinPath = (path: SchemaPath, name: string): SchemaPath => (path ? `${path}.${name}` : name);

/**
 * Walks the old and the new schema side by side through the properties and array items both still have, calling
 * `visit` at each level. A pair of `$ref`s already on the way down is not entered again, so recursive schemas
 * (a Pet with Pet friends) end; the depth bound covers cycles through inline schemas.
 */
export function walkSchemaPair(beforeDoc: unknown, afterDoc: unknown, before: unknown, after: unknown, visit: (path: SchemaPath, b: SchemaView, a: SchemaView) => void): void {
  const seen = new Set<string>();
  const step = (path: SchemaPath, bNode: unknown, aNode: unknown, depth: number) => {
    if (depth > MAX_DEPTH) return;
    const b = viewSchema(beforeDoc, bNode);
    const a = viewSchema(afterDoc, aNode);
    if (!b || !a) return;
    const pair = b.ref && a.ref ? `${b.ref}|${a.ref}` : null;
    if (pair) {
      if (seen.has(pair)) return;
      seen.add(pair);
    }
    visit(path, b, a);
    for (const [name, sub] of Object.entries(b.properties)) {
      if (name in a.properties) step(joinPath(path, name), sub, a.properties[name], depth + 1);
    }
    if (b.items !== undefined && a.items !== undefined) step(`${path}[]`, b.items, a.items, depth + 1);
    if (pair) seen.delete(pair);
  };
  step('', before, after, 0);
}
