import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pointerTokens } from './ref-closure';
import { REFERENCE_PAGE_SIZE, referenceSections, sectionDocument } from './reference-sections';

type JsonObject = Record<string, unknown>;
const modules = path.resolve(import.meta.dirname, '../../../node_modules');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(modules, file), 'utf8')) as JsonObject;
const readme = (name: string) => read(`@readme/oas-examples/3.0/json/${name}.json`);
const ghes = read('@octokit/openapi/generated/ghes-3.17.json');

/** Every local reference in `doc` (`$ref`s and discriminator mappings) that does not resolve inside `doc`. */
function unresolved(doc: JsonObject): string[] {
  const refs: string[] = [];
  const walk = (v: unknown, seen: Set<unknown>) => {
    if (!v || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    for (const [k, child] of Object.entries(v)) {
      if (k === '$ref' && typeof child === 'string') refs.push(child);
      else if (k === 'mapping' && child && typeof child === 'object') refs.push(...Object.values(child).filter((t): t is string => typeof t === 'string'));
      walk(child, seen);
    }
  };
  walk(doc, new Set());
  return refs.filter((ref) => {
    let at: unknown = doc;
    for (const t of pointerTokens(ref) ?? []) at = at && typeof at === 'object' ? (at as JsonObject)[t] : undefined;
    return at === undefined;
  });
}

const operationsOf = (doc: JsonObject) =>
  Object.entries(doc.paths as JsonObject).flatMap(([p, item]) => Object.keys(item as JsonObject).filter((k) => ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'].includes(k)).map((m) => `${m} ${p}`));

describe('reference sections of a large real document (GitHub Enterprise Server, 966 operations)', () => {
  const sections = referenceSections(ghes, REFERENCE_PAGE_SIZE);

  it('show every operation exactly once, a page at most per section, in the order of the document’s tags', () => {
    const shown = sections.flatMap((s) => s.operations.map((o) => `${o.method} ${o.path}`));
    expect(shown.sort()).toEqual(operationsOf(ghes).sort());
    expect(Math.max(...sections.map((s) => s.operations.length))).toBeLessThanOrEqual(REFERENCE_PAGE_SIZE);
    // GHES has 192 operations tagged "repos" first.
    const pages = Math.ceil(192 / REFERENCE_PAGE_SIZE);
    expect(sections.filter((s) => s.tag === 'repos').map((s) => s.label)).toEqual(Array.from({ length: pages }, (_, i) => `repos (${i + 1} of ${pages})`));
    expect(new Set(sections.map((s) => s.id)).size).toBe(sections.length);
  });

  it('each make a document whose every reference resolves inside it, with only the components their operations reach', () => {
    for (const section of sections) {
      const doc = sectionDocument(ghes, section);
      expect(unresolved(doc), section.label).toEqual([]);
      expect(operationsOf(doc)).toHaveLength(section.operations.length);
    }
    const emojis = sectionDocument(ghes, sections.find((s) => s.tag === 'emojis') as (typeof sections)[number]);
    // Its one operation answers with one example and one shared response: of GHES's 900 schemas, none.
    expect(Object.fromEntries(Object.entries(emojis.components as JsonObject).map(([k, v]) => [k, Object.keys(v as JsonObject)]))).toEqual({ examples: ['emojis-get'], responses: ['not_modified'] });
  });

  it('follow references through other components: an issue’s user, reached through the issue schema', () => {
    const issues = sectionDocument(ghes, sections.find((s) => s.tag === 'issues') as (typeof sections)[number]);
    const schemas = (issues.components as JsonObject).schemas as JsonObject;
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(['issue', 'simple-user', 'nullable-simple-user', 'repository']));
    expect(issues.webhooks).toBeUndefined();
    expect(issues['x-webhooks']).toBeUndefined();
  });
});

describe('reference sections of small real documents (ReadMe’s OpenAPI examples)', () => {
  it('end on a schema that refers to itself', () => {
    const doc = readme('circular');
    const [section] = referenceSections(doc, REFERENCE_PAGE_SIZE);
    const out = sectionDocument(doc, section as NonNullable<typeof section>);
    expect(Object.keys((out.components as JsonObject).schemas as JsonObject)).toEqual(['ErrorMessage']);
    expect(unresolved(out)).toEqual([]);
  });

  it('keep the schemas a discriminator names only in its mapping', () => {
    const doc = readme('discriminators');
    for (const section of referenceSections(doc, 3)) expect(unresolved(sectionDocument(doc, section)), section.label).toEqual([]);
  });

  it('keep every security scheme and the document’s security in every section', () => {
    const doc = readme('security');
    const sections = referenceSections(doc, REFERENCE_PAGE_SIZE);
    expect(sections.map((s) => s.tag)).toEqual(['API Key', 'HTTP', 'OAuth 2', 'OpenID Connect', 'Other']);
    for (const section of sections) {
      const out = sectionDocument(doc, section);
      expect((out.components as JsonObject).securitySchemes).toEqual((doc.components as JsonObject).securitySchemes);
      expect(out.security).toEqual(doc.security);
    }
  });

  it('group operations without a tag under "default", after the tagged ones', () => {
    const untagged = readme('petstore-simple-no-tags');
    expect(referenceSections(untagged, REFERENCE_PAGE_SIZE).map((s) => [s.label, s.operations.length])).toEqual([['default', 2]]);
    const mixed = { ...readme('security'), paths: { ...(readme('security').paths as JsonObject), '/plain': { get: { responses: { 200: { description: 'OK' } } } } } };
    expect(referenceSections(mixed, REFERENCE_PAGE_SIZE).at(-1)).toMatchObject({ id: 'default', tag: 'default', operations: [{ path: '/plain', method: 'get' }] });
  });

  it('leave the source document as it was', () => {
    const doc = readme('complex-nesting');
    const before = JSON.stringify(doc);
    for (const section of referenceSections(doc, 1)) sectionDocument(doc, section);
    expect(JSON.stringify(doc)).toBe(before);
  });
});
