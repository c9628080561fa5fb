import { jsonSchemas, type OperationPair } from './operations';
import { joinPath, walkSchemaPair } from './schema-walk';
import type { BreakingChange } from './types';

/**
 * What a caller must now send that it did not have to: a parameter that became required or a new required one, a
 * request body that became required, a body property that became required. A caller that left it out is refused.
 */
export function requiredParameterChanges({ before, after, beforeDoc, afterDoc }: OperationPair): BreakingChange[] {
  const out: string[] = [];
  for (const [key, p] of after.parameters) {
    if (p.required !== true) continue;
    const old = before.parameters.get(key);
    if (!old) out.push(`new required ${p.in} parameter "${p.name}"`);
    else if (old.required !== true) out.push(`${p.in} parameter "${p.name}" became required`);
  }
  if (after.requestBody?.required === true && before.requestBody?.required !== true) out.push('request body became required');
  const afterBodies = jsonSchemas(afterDoc, after.requestBody);
  for (const [type, schema] of jsonSchemas(beforeDoc, before.requestBody)) {
    if (!afterBodies.has(type)) continue;
    walkSchemaPair(beforeDoc, afterDoc, schema, afterBodies.get(type), (path, b, a) => {
      for (const name of new Set(a.required)) {
        if (b.required.includes(name)) continue;
        const where = joinPath(path, name);
        out.push(name in b.properties ? `request body property "${where}" became required` : `new required request body property "${where}"`);
      }
    });
  }
  return out.map((m) => ({ rule: 'parameter-required', operation: after.label, message: `${after.label}: ${m}` }));
}
