/** A JSON value as parsed from an OpenAPI document. */
type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null;

/** The tokens of a local reference (`#/components/schemas/a~1b` gives components, schemas, a/b), RFC 6901. */
export function pointerTokens(ref: string): string[] | undefined {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((t) => decodeURIComponent(t).replaceAll('~1', '/').replaceAll('~0', '~'));
}

function valueAt(root: Json, tokens: string[]): Json {
  let at = root;
  for (const t of tokens) {
    if (!isObject(at)) return undefined;
    at = at[t];
  }
  return at;
}

/**
 * The local references a value makes, at any depth: `$ref`s, and discriminator mappings, which name their schemas
 * by reference without a `$ref` key. External references were dropped before serving (external-refs.ts).
 */
function refsIn(value: Json, out: string[]): void {
  const stack: Json[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (!isObject(v)) continue;
    if (Array.isArray(v)) {
      stack.push(...v);
      continue;
    }
    for (const [key, child] of Object.entries(v)) {
      if (key === '$ref' && typeof child === 'string') out.push(child);
      else if (key === 'discriminator' && isObject(child) && isObject(child.mapping)) {
        for (const target of Object.values(child.mapping)) if (typeof target === 'string' && target.startsWith('#/')) out.push(target);
      } else stack.push(child);
    }
  }
}

/**
 * The document's parts that `roots` reach through local references, transitively: each as its tokens and value,
 * in the order found. Each target is visited once, so circular schemas end. Only targets outside `paths` are
 * returned: a reference into another operation is kept whole by the caller, never copied in as a fragment that
 * would read as an operation of its own.
 */
export function refClosure(doc: Json, roots: Json[]): { tokens: string[]; value: Json }[] {
  const seen = new Set<string>();
  const found: { tokens: string[]; value: Json }[] = [];
  const pending: string[] = [];
  for (const root of roots) refsIn(root, pending);
  while (pending.length > 0) {
    const ref = pending.pop() ?? '';
    const tokens = pointerTokens(ref);
    if (!tokens || tokens.length < 2 || tokens[0] === 'paths') continue;
    const key = JSON.stringify(tokens);
    if (seen.has(key)) continue;
    seen.add(key);
    const value = valueAt(doc, tokens);
    if (value === undefined) continue;
    found.push({ tokens, value });
    refsIn(value, pending);
  }
  return found;
}

/**
 * Copies each reached part into `target` at its own pointer (a schema stays at `components/schemas/Name`), so every
 * reference in the copied operations still resolves. Shorter pointers go first: a part inside one already placed
 * is found there and left alone, so the source document is never written to.
 */
export function placeAt(target: JsonObject, parts: { tokens: string[]; value: Json }[]): void {
  for (const { tokens, value } of [...parts].sort((a, b) => a.tokens.length - b.tokens.length)) {
    let at: JsonObject = target;
    for (const t of tokens.slice(0, -1)) {
      if (!isObject(at[t])) at[t] = {};
      at = at[t] as JsonObject;
    }
    const last = tokens[tokens.length - 1] ?? '';
    if (!Object.hasOwn(at, last)) at[last] = value;
  }
}
