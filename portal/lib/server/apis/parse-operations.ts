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

const recent: { document: string; operations: Operation[] }[] = [];
/** The kept texts stay alive with their answers, so what is kept is bounded in characters. */
const RECENT_MAX_CHARS = 32 * 1024 * 1024;

/**
 * Lists the operations of a stored document. Imports store minified JSON, which JSON.parse reads many times faster
 * than a YAML parser; documents stored before that may be YAML. The catalog's and the publisher's API pages ask on
 * every view, so the last few answers are kept: comparing a stored text with a kept one is a length check and a
 * memcmp, where parsing GitHub's description again takes tens of milliseconds. Callers must not mutate the result.
 */
export function parseOperations(document: string): Operation[] {
  const hit = recent.find((r) => r.document.length === document.length && r.document === document);
  if (hit) return hit.operations;
  const operations = readOperations(document);
  recent.unshift({ document, operations });
  let kept = 0;
  for (let i = 0; i < recent.length; i++) {
    kept += recent[i]?.document.length ?? 0;
    if (kept > RECENT_MAX_CHARS) {
      recent.length = i;
      break;
    }
  }
  return operations;
}

function readOperations(document: string): Operation[] {
  if (document.startsWith('{')) {
    try {
      return operationsOf(JSON.parse(document));
    } catch {
      // Fall through: YAML flow style also starts with a brace.
    }
  }
  return operationsOf(parse(document));
}
