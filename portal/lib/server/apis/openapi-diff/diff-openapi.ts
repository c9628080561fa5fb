import { narrowedTypeChanges } from './narrowed-types';
import { operationChanges } from './operation-changes';
import { indexOperations } from './operations';
import { requiredParameterChanges } from './required-parameters';
import { responsePropertyChanges } from './response-properties';
import { withVisitBudget } from './schema-walk';
import { schemeChanges, securityChanges } from './security';
import type { BreakingChange, DocumentDiff, Json } from './types';

/**
 * What changes for callers when `after` replaces `before` (both parsed OpenAPI 3.x documents, local `$ref`s
 * allowed): operations added and removed, and every breaking change with a sentence each. Pure and synchronous.
 */
export function diffOpenApi(before: Json, after: Json): DocumentDiff {
  const { result, exhausted } = withVisitBudget(() => diffWithinBudget(before, after));
  return exhausted ? { ...result, incomplete: true } : result;
}

function diffWithinBudget(before: Json, after: Json): DocumentDiff {
  const was = indexOperations(before);
  const now = indexOperations(after);
  const { added, removed, breaking } = operationChanges(was, now);
  const found: BreakingChange[] = [...breaking, ...schemeChanges(before, after)];
  for (const [key, b] of was) {
    const a = now.get(key);
    if (!a) continue;
    const pair = { before: b, after: a, beforeDoc: before, afterDoc: after };
    found.push(...requiredParameterChanges(pair), ...responsePropertyChanges(pair), ...narrowedTypeChanges(pair), ...securityChanges(b, a));
  }
  // The same sentence can come from two media types of one body; say it once.
  const seen = new Set<string>();
  return { added, removed, breaking: found.filter((c) => !seen.has(c.message) && seen.add(c.message)) };
}

export type { BreakingChange, DocumentDiff, OperationRef } from './types';
