import { jsonSchemas, type OperationPair } from './operations';
import { acceptsType, type SchemaView } from './schema-view';
import { type SchemaPath, walkSchemaPair } from './schema-walk';
import type { BreakingChange } from './types';

const shown = (v: unknown) => JSON.stringify(v);

/**
 * What callers send that the new document no longer accepts: enum values dropped, or a type that became narrower
 * (`number` to `integer`, `string` to an enum-less `integer`, an untyped value given a type). Only requests are
 * checked here: narrowing what a server answers never breaks a caller.
 */
export function narrowedTypeChanges({ before, after, beforeDoc, afterDoc }: OperationPair): BreakingChange[] {
  const out: BreakingChange[] = [];
  const report = (subject: string) => (_path: SchemaPath, b: SchemaView, a: SchemaView) => {
    if (a.enum) {
      const lost = (b.enum ?? []).filter((v) => !a.enum?.some((w) => shown(w) === shown(v)));
      if (lost.length > 0) out.push({ rule: 'enum-narrowed', operation: after.label, message: `${after.label}: ${subject} no longer accepts ${lost.map(shown).join(', ')}` });
      else if (!b.enum) out.push({ rule: 'enum-narrowed', operation: after.label, message: `${after.label}: ${subject} now only accepts ${a.enum.map(shown).join(', ')}` });
    }
    const lostTypes = b.types === null ? (a.types === null ? [] : ['any type']) : b.types.filter((t) => !acceptsType(a.types, t));
    if (lostTypes.length > 0) out.push({ rule: 'type-narrowed', operation: after.label, message: `${after.label}: ${subject} no longer accepts ${lostTypes.join(', ')} (now ${a.types?.join(', ')})` });
  };
  for (const [key, p] of before.parameters) {
    const q = after.parameters.get(key);
    if (!q) continue;
    const name = `${p.in} parameter "${p.name}"`;
    walkSchemaPair(beforeDoc, afterDoc, p.schema, q.schema, (path, b, a) => report(path === '' || path === '[]' ? name : `${name} property "${path}"`)(path, b, a));
  }
  const afterBodies = jsonSchemas(afterDoc, after.requestBody);
  for (const [type, schema] of jsonSchemas(beforeDoc, before.requestBody)) {
    if (!afterBodies.has(type)) continue;
    walkSchemaPair(beforeDoc, afterDoc, schema, afterBodies.get(type), (path, b, a) => report(path === '' ? 'request body' : `request body property "${path}"`)(path, b, a));
  }
  return out;
}
