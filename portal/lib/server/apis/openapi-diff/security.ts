import type { IndexedOperation } from './operations';
import { isObject, resolve } from './resolve';
import type { BreakingChange, Json } from './types';

type Requirement = Map<string, string[]>;

function requirementsOf(list: unknown[]): Requirement[] {
  // No requirement at all means anonymous calls are fine: the same as one empty requirement.
  if (list.length === 0) return [new Map()];
  return list.filter(isObject).map((r) => new Map(Object.entries(r).map(([name, scopes]) => [name, Array.isArray(scopes) ? scopes.map(String) : []])));
}

/** A caller meeting `held` also meets `needed` when every scheme and scope `needed` asks for is in `held`. */
const covers = (held: Requirement, needed: Requirement) => [...needed].every(([name, scopes]) => held.has(name) && scopes.every((s) => held.get(name)?.includes(s)));

const describeRequirements = (reqs: Requirement[]) =>
  reqs.map((r) => (r.size === 0 ? 'none' : [...r].map(([name, scopes]) => (scopes.length > 0 ? `${name} (${scopes.join(', ')})` : name)).join(' + '))).join(' or ');

/**
 * Authentication that callers can no longer meet: some way of calling the old operation (one requirement object)
 * that no requirement of the new one is satisfied by. Adding an alternative or dropping auth breaks nobody.
 */
export function securityChanges(before: IndexedOperation, after: IndexedOperation): BreakingChange[] {
  const was = requirementsOf(before.security);
  const now = requirementsOf(after.security);
  if (was.every((held) => now.some((needed) => covers(held, needed)))) return [];
  return [{ rule: 'security-changed', operation: after.label, message: `${after.label}: authentication changed from ${describeRequirements(was)} to ${describeRequirements(now)}` }];
}

function schemeSummary(s: Json): string {
  if (s.type === 'apiKey') return `apiKey in ${String(s.in)} "${String(s.name)}"`;
  if (s.type === 'http') return `http ${String(s.scheme)}`;
  if (s.type === 'openIdConnect') return `openIdConnect ${String(s.openIdConnectUrl)}`;
  return String(s.type);
}

/** A scheme kept under the same name but sent differently (another header, query instead of header, basic to bearer). */
export function schemeChanges(beforeDoc: Json, afterDoc: Json): BreakingChange[] {
  const schemes = (doc: Json) => resolve(doc, resolve(doc, doc.components)?.securitySchemes) ?? {};
  const afterSchemes = schemes(afterDoc);
  const out: BreakingChange[] = [];
  for (const [name, raw] of Object.entries(schemes(beforeDoc))) {
    const b = resolve(beforeDoc, raw);
    const a = resolve(afterDoc, afterSchemes[name]);
    if (!b || !a) continue;
    const was = schemeSummary(b);
    const now = schemeSummary(a);
    if (was !== now) out.push({ rule: 'security-changed', operation: null, message: `security scheme "${name}" changed from ${was} to ${now}` });
  }
  return out;
}
