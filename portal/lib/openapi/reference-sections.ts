import { placeAt, refClosure } from './ref-closure';

type JsonObject = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
/** What a path item carries besides its operations, kept with whichever of its operations a section shows. */
const PATH_ITEM_SHARED = ['summary', 'description', 'servers', 'parameters', '$ref'] as const;

/**
 * Operations per section, and the most a document may have to be rendered whole. Measured with
 * e2e/specs/reference-performance.spec.ts: Scalar's time to first render grows with the operations it is given.
 */
export const REFERENCE_PAGE_SIZE = 20;

/** The heading of operations without a tag, as Scalar itself names them. */
export const UNTAGGED = 'default';

/**
 * A part of a large document the reference shows at once: the operations of one tag, or a page of a tag that has
 * more than a page of them. `id` is stable for a given document and safe in a URL fragment.
 */
export interface ReferenceSection {
  id: string;
  tag: string;
  /** "issues", or "repos (2 of 5)". */
  label: string;
  operations: { path: string; method: string }[];
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'section';

/**
 * The document's operations grouped as its reader meets them: by first tag, in the order of the document's `tags`
 * list and then of first use, untagged ones last under "default"; a tag with more than `pageSize` operations is cut
 * into pages, so no section costs the renderer more than a page of operations.
 */
export function referenceSections(doc: JsonObject, pageSize: number): ReferenceSection[] {
  const byTag = new Map<string, { path: string; method: string }[]>();
  for (const t of Array.isArray(doc.tags) ? doc.tags : []) if (isObject(t) && typeof t.name === 'string') byTag.set(t.name, []);
  const untagged: { path: string; method: string }[] = [];
  for (const [path, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const tag = Array.isArray(op.tags) && typeof op.tags[0] === 'string' ? op.tags[0] : undefined;
      if (tag === undefined) untagged.push({ path, method });
      else byTag.set(tag, [...(byTag.get(tag) ?? []), { path, method }]);
    }
  }
  const groups = [...byTag].filter(([, ops]) => ops.length > 0);
  if (untagged.length > 0) groups.push([byTag.has(UNTAGGED) ? `${UNTAGGED} (untagged)` : UNTAGGED, untagged]);
  const sections: ReferenceSection[] = [];
  const used = new Set<string>();
  for (const [tag, ops] of groups) {
    const pages = Math.ceil(ops.length / pageSize);
    for (let i = 0; i < pages; i++) {
      let id = pages > 1 ? `${slug(tag)}-${i + 1}` : slug(tag);
      while (used.has(id)) id = `${id}-`;
      used.add(id);
      sections.push({ id, tag, label: pages > 1 ? `${tag} (${i + 1} of ${pages})` : tag, operations: ops.slice(i * pageSize, (i + 1) * pageSize) });
    }
  }
  return sections;
}

/**
 * A complete document of one section's operations: the same info, servers, security and security schemes, the
 * section's tag, and of `components` exactly what its operations reach through references (transitively, circular
 * ones included), each at its own pointer so every reference still resolves. Webhooks are left out: they belong to
 * no section. The source document is not changed; values are shared with it, not copied.
 */
export function sectionDocument(doc: JsonObject, section: ReferenceSection): JsonObject {
  const sourcePaths = isObject(doc.paths) ? doc.paths : {};
  const paths: Record<string, JsonObject> = {};
  for (const { path, method } of section.operations) {
    const item = sourcePaths[path];
    if (!isObject(item)) continue;
    paths[path] ??= Object.fromEntries(PATH_ITEM_SHARED.filter((k) => item[k] !== undefined).map((k) => [k, item[k]]));
    const op = item[method];
    // An operation under several tags is shown once, in its first tag's section, not again under the others.
    paths[path][method] = isObject(op) && Array.isArray(op.tags) && op.tags.length > 1 ? { ...op, tags: [section.tag] } : op;
  }
  const components = isObject(doc.components) ? doc.components : {};
  const tag = (Array.isArray(doc.tags) ? doc.tags : []).find((t) => isObject(t) && t.name === section.tag);
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(doc)) {
    if (key === 'paths' || key === 'components' || key === 'webhooks' || key === 'x-webhooks' || key === 'tags') continue;
    out[key] = value;
  }
  out.tags = [tag ?? { name: section.tag }];
  out.paths = paths;
  const roots: unknown[] = [paths, out.security, components.securitySchemes];
  const kept: JsonObject = {};
  if (components.securitySchemes !== undefined) kept.securitySchemes = components.securitySchemes;
  out.components = kept;
  placeAt(out, refClosure(doc, roots));
  return out;
}
