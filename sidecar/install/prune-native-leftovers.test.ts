import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = path.resolve(__dirname, 'prune-native-leftovers.cjs');
const WORKSPACE_ADDON = path.dirname(require.resolve('better-sqlite3/package.json'));
/** What better-sqlite3 loads its addon with. */
const ADDON_LOADERS = ['bindings', 'file-uri-to-path'];
const LEFTOVERS = ['deps', 'src', 'build/Release/obj', 'build/Release/obj.target', 'build/Release/sqlite3.a', 'build/Release/test_extension.node'];
const dirs: string[] = [];

/** An install laid out as npm lays it out, with copies (never links) of the workspace's built better-sqlite3. */
function installLayout(): { sidecar: string; addon: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-prune-'));
  dirs.push(root);
  const sidecar = path.join(root, 'node_modules/@gatehouse/sidecar');
  const addon = path.join(root, 'node_modules/better-sqlite3');
  mkdirSync(path.join(sidecar, 'install'), { recursive: true });
  cpSync(SCRIPT, path.join(sidecar, 'install/prune-native-leftovers.cjs'));
  cpSync(WORKSPACE_ADDON, addon, { recursive: true });
  for (const name of ADDON_LOADERS) cpSync(path.join(WORKSPACE_ADDON, '..', name), path.join(root, 'node_modules', name), { recursive: true });
  return { sidecar, addon };
}

const runIn = (dir: string) => execFileSync(process.execPath, ['install/prune-native-leftovers.cjs'], { cwd: dir, encoding: 'utf8' });
const queryWith = (addon: string) =>
  execFileSync(process.execPath, ['-e', `const D = require(${JSON.stringify(addon)}); console.log(new D(':memory:').prepare('select 6 * 7 as x').get().x)`], { encoding: 'utf8' }).trim();

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('postinstall pruning of better-sqlite3 build leftovers', () => {
  it('installed as a dependency: the build leftovers go, the addon still answers queries in a new process', () => {
    const { sidecar, addon } = installLayout();
    for (const leftover of LEFTOVERS) expect(existsSync(path.join(addon, leftover)), leftover).toBe(true);
    runIn(sidecar);
    for (const leftover of LEFTOVERS) expect(existsSync(path.join(addon, leftover)), leftover).toBe(false);
    expect(existsSync(path.join(addon, 'build/Release/better_sqlite3.node'))).toBe(true);
    expect(queryWith(addon)).toBe('42');
  });

  it('in the repository workspace it removes nothing', () => {
    runIn(path.resolve(__dirname, '..'));
    for (const leftover of LEFTOVERS) expect(existsSync(path.join(WORKSPACE_ADDON, leftover)), leftover).toBe(true);
  });
});
