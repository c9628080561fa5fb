import { parse } from 'yaml';

export interface Operation {
  method: string;
  path: string;
  summary: string;
  operationId: string | null;
  tags: string[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Lists the operations of an OpenAPI 3.x document (JSON or YAML) in document order. */
export function parseOperations(document: string): Operation[] {
  const doc = parse(document) as { paths?: Record<string, Record<string, unknown>> } | null;
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc?.paths ?? {})) {
    if (!item || typeof item !== 'object') continue;
    for (const method of METHODS) {
      const op = item[method] as { summary?: string; operationId?: string; tags?: string[] } | undefined;
      if (!op) continue;
      out.push({
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? '',
        operationId: op.operationId ?? null,
        tags: Array.isArray(op.tags) ? op.tags.map(String) : [],
      });
    }
  }
  return out;
}
