import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findExternalRefs } from './external-refs';
import { processOpenApi } from './process-openapi';

// Real documents from registry packages, not written for these tests: ReadMe's example collection (Swagger 2.0,
// OpenAPI 3.0 and 3.1, JSON and YAML, among them the USPTO, Star Trek and Train Travel APIs) and GitHub's REST
// description as Octokit publishes it (13 MB, the largest real document we know of).
const require = createRequire(import.meta.url);
const examples = path.dirname(require.resolve('@readme/oas-examples/package.json'));
const github = path.join(path.dirname(require.resolve('@octokit/openapi/package.json')), 'generated', 'api.github.com.json');

const corpus = ['2.0', '3.0', '3.1'].flatMap((v) =>
  ['json', 'yaml'].flatMap((kind) =>
    (fs.readdirSync(path.join(examples, v, kind), { recursive: true }) as string[]).filter((f) => /\.(json|ya?ml)$/.test(f)).map((f) => `${v}/${kind}/${f}`),
  ),
);

/** The documents the portal refuses, each for a reason the specification gives. */
const REFUSED: Record<string, RegExp> = {
  // A workshop step left unfinished on purpose: `responses: {}`, while OpenAPI 3.0 requires at least one response.
  '3.0/json/openapi-workshop/post.json': /MINPROPERTIES must NOT have fewer than 1 properties/,
};

describe('a corpus of real documents imports', () => {
  it('finds the corpus (the generator is not silently empty)', () => {
    expect(corpus.length).toBeGreaterThan(100);
    expect(corpus).toEqual(expect.arrayContaining(['2.0/json/petstore.json', '3.0/yaml/uspto.yaml', '3.1/json/train-travel.json']));
  });

  for (const name of corpus) {
    it(`${name} ${REFUSED[name] ? 'is refused for its stated reason' : 'imports'}`, async () => {
      const v = await processOpenApi(fs.readFileSync(path.join(examples, name), 'utf8'));
      const refused = REFUSED[name];
      if (refused) {
        expect(v.valid).toBe(false);
        if (!v.valid) expect(v.problems.join('\n')).toMatch(refused);
        return;
      }
      if (!v.valid) throw new Error(`${name} was refused:\n${v.problems.join('\n')}`);
      expect(v.version).toMatch(/^3\.[01]\./);
      expect(v.convertedFrom).toBe(name.startsWith('2.0/') ? 'Swagger 2.0' : null);
      expect(findExternalRefs(JSON.parse(v.document))).toEqual([]);
    });
  }

  it("GitHub's REST description (13 MB, 1,000+ operations) imports, keeping its internal $refs", { timeout: 60_000 }, async () => {
    const text = fs.readFileSync(github, 'utf8');
    expect(text.length).toBeGreaterThan(12_000_000);
    const v = await processOpenApi(text);
    if (!v.valid) throw new Error(v.problems.join('\n'));
    expect(v.operations.length).toBeGreaterThan(1000);
    expect(v.suggested).toMatchObject({ name: expect.stringContaining('GitHub'), version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    expect(v.suggested.description).not.toMatch(/<[a-z]/);
    // Minified, so smaller than the pretty-printed original, and nothing inlined.
    expect(v.document.length).toBeLessThan(text.length);
    expect(v.document).toContain('"$ref":"#/components/');
  });
});
