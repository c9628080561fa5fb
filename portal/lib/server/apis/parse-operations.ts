import { parse } from 'yaml';

export interface Operation {
  method: string;
  path: string;
  summary: string;
  operationId: string | null;
  tags: string[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Lists the operations of a parsed OpenAPI 3.x document in document order. */
export function operationsOf(doc: unknown): Operation[] {
  const paths = (doc as { paths?: Record<string, Record<string, unknown>> } | null)?.paths;
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(paths ?? {})) {
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

/**
 * Lists the operations of a stored document. Imports store minified JSON, which JSON.parse reads many times faster
 * than a YAML parser; documents stored before that may be YAML.
 */
export function parseOperations(document: string): Operation[] {
  if (document.startsWith('{')) {
    try {
      return operationsOf(JSON.parse(document));
    } catch {
      // Fall through: YAML flow style also starts with a brace.
    }
  }
  return operationsOf(parse(document));
}
