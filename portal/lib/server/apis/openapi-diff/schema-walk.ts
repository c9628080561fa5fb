import { type SchemaView, viewSchema } from './schema-view';

const MAX_DEPTH = 12;

/**
 * Schema levels one diff may visit in all. The `seen` guard below only cuts a reference pair while it is on the way
 * down, so a document whose schemas fan out into each other (A with 50 properties of B, B with 50 of C, ...) is
 * small yet has 50^12 paths: a publisher's document must not hold the portal's event loop for hours. Real documents
 * stay far below (GitHub's description against itself: 71,345); past the bound the diff says it is incomplete.
 */
export const MAX_SCHEMA_VISITS = 500_000;
let visitsLeft = Number.POSITIVE_INFINITY;

/** Runs a whole diff under one visit budget; says whether the budget ran out (the diff is then incomplete). */
export function withVisitBudget<T>(fn: () => T, budget = MAX_SCHEMA_VISITS): { result: T; exhausted: boolean } {
  visitsLeft = budget;
  try {
    const result = fn();
    return { result, exhausted: visitsLeft <= 0 };
  } finally {
    visitsLeft = Number.POSITIVE_INFINITY;
  }
}

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
    if (depth > MAX_DEPTH || visitsLeft <= 0) return;
    visitsLeft -= 1;
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
