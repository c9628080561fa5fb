import { jsonSchemas, type OperationPair } from './operations';
import { resolve } from './resolve';
import { joinPath, walkSchemaPair } from './schema-walk';
import type { BreakingChange } from './types';

/**
 * Properties a successful response had and no longer has: code that reads them breaks. Compared per status code and
 * JSON media type present in both documents; a level that became a `oneOf`/`anyOf` choice is not judged.
 */
export function responsePropertyChanges({ before, after, beforeDoc, afterDoc }: OperationPair): BreakingChange[] {
  const out: BreakingChange[] = [];
  for (const [code, raw] of Object.entries(before.responses)) {
    if (!/^2/.test(code) || after.responses[code] === undefined) continue;
    const afterSchemas = jsonSchemas(afterDoc, resolve(afterDoc, after.responses[code]));
    for (const [type, schema] of jsonSchemas(beforeDoc, resolve(beforeDoc, raw))) {
      if (!afterSchemas.has(type)) continue;
      walkSchemaPair(beforeDoc, afterDoc, schema, afterSchemas.get(type), (path, b, a) => {
        if (a.choice) return;
        for (const name of Object.keys(b.properties)) {
          if (!(name in a.properties)) out.push({ rule: 'response-property-removed', operation: after.label, message: `${after.label}: response ${code} no longer has property "${joinPath(path, name)}"` });
        }
      });
    }
  }
  return out;
}
