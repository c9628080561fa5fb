import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { readOpenApiText } from './read-openapi-text';
import { readYamlFast } from './yaml-fast-path';

const refused = (text: string) => {
  const read = readOpenApiText(text);
  return read.ok ? [] : read.problems;
};

describe('YAML read by js-yaml, guarded', () => {
  it('refuses a bomb that stays under the alias count but expands past the bound', () => {
    // 7 levels of 10 aliases each: 70 alias nodes (under 100), 10^7 copies of the innermost list when expanded.
    const lines = ['openapi: 3.1.0', 'x-0: &l0 [a, b, c, d, e, f, g, h, i, j]'];
    for (let i = 1; i <= 7; i++) lines.push(`x-${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
    expect(refused(lines.join('\n'))).toEqual([expect.stringMatching(/aliases/)]);
  });

  it('refuses more than 100 aliases, however small', () => {
    const lines = ['openapi: 3.1.0', 'x-a: &a 1', `x-b: [${Array(101).fill('*a').join(', ')}]`];
    expect(refused(lines.join('\n'))).toEqual([expect.stringMatching(/more than 100 times/)]);
  });

  it('refuses an alias inside its own anchor (no JSON can hold the cycle) as a problem, never an exception', () => {
    expect(refused('openapi: 3.1.0\nx-loop: &loop\n  self: *loop\n')).toHaveLength(1);
  });

  it('gives every use of an anchor its own copy, as `yaml` did', () => {
    const read = readOpenApiText('x-a: &a {description: OK}\nx-b: *a\nx-c: *a\n');
    if (!read.ok) throw new Error(read.problems.join('\n'));
    const value = read.value as Record<string, unknown>;
    expect(value['x-b']).toEqual({ description: 'OK' });
    expect(value['x-b']).not.toBe(value['x-c']);
  });

  it('reads YAML 1.2 core scalars as `yaml` does: dates, yes/no and octal-looking strings stay strings', () => {
    const text = 'a: 2024-01-31\nb: yes\nc: "007"\nd: 0o17\ne: .inf\nf: ~\n';
    expect(readYamlFast(text, 100)).toEqual({ ok: true, value: parseDocument(text).toJS() });
    expect(readYamlFast(text, 100)).toMatchObject({ ok: true, value: { a: '2024-01-31', b: 'yes', c: '007', d: 15 } });
  });

  it('leaves duplicate keys and broken YAML to `yaml`, whose problems name the publisher lines', () => {
    expect(readYamlFast('a: 1\na: 2\n', 100)).toEqual({ ok: false, reason: 'unreadable' });
    expect(refused('a: 1\na: 2\n').join('\n')).toMatch(/unique|duplicate/i);
  });

  it('agrees with `yaml` on any JSON-compatible value written as YAML (generated)', () => {
    const json = fc.jsonValue({ maxDepth: 4 }).filter((v) => v !== null && typeof v === 'object' && !Array.isArray(v));
    fc.assert(
      fc.property(json, (value) => {
        const text = stringify(value);
        const fast = readYamlFast(text, 100);
        expect(fast.ok).toBe(true);
        if (fast.ok) expect(fast.value).toEqual(parseDocument(text).toJS());
      }),
      { numRuns: 300 },
    );
  });
});
