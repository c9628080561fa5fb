import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIDECAR_VERSION } from './version';

/** Runs a script in a fresh Node (the filter patches process-wide state) and returns what it printed to stderr. */
function stderrOf(script: string): string {
  const module = join(import.meta.dirname, 'quiet-deprecations.ts');
  const code = `const loaded = await import(${JSON.stringify(module)}); (loaded.silenceKnownDeprecations ?? loaded.default.silenceKnownDeprecations)(); ${script}`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  return run.stderr;
}

describe('quiet deprecations', () => {
  it('DEP0060 (util._extend, from http-proxy) is dropped in every call shape', () => {
    const stderr = stderrOf(`
      process.emitWarning('util._extend is deprecated', 'DeprecationWarning', 'DEP0060');
      process.emitWarning('util._extend is deprecated', { type: 'DeprecationWarning', code: 'DEP0060' });
      const error = new Error('util._extend is deprecated'); error.name = 'DeprecationWarning'; error.code = 'DEP0060';
      process.emitWarning(error);
      (await import('node:util')).default._extend({}, { a: 1 });`);
    expect(stderr).not.toContain('DEP0060');
    expect(stderr).not.toContain('_extend');
  });

  it('every other warning still prints, other deprecations included', () => {
    const stderr = stderrOf(`
      process.emitWarning('util._extend is deprecated', 'DeprecationWarning', 'DEP0060');
      process.emitWarning('something else is deprecated', 'DeprecationWarning', 'DEP0999');
      process.emitWarning('a plain warning');`);
    expect(stderr).toContain('[DEP0999] DeprecationWarning: something else is deprecated');
    expect(stderr).toContain('Warning: a plain warning');
    expect(stderr).not.toContain('DEP0060');
  });
});

describe('sidecar version', () => {
  it('the version reported to the portal is the package version', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../package.json'), 'utf8')) as { version: string };
    expect(SIDECAR_VERSION).toBe(pkg.version);
  });
});
