#!/usr/bin/env node
'use strict';
/**
 * postinstall of @gatehouse/sidecar: removes what better-sqlite3's from-source build leaves beside its addon (the
 * SQLite amalgamation and C++ sources, object files, a static library, a test extension: ~25 of its ~28 MB), so an
 * installed sidecar stays small. At run time better-sqlite3 needs only `lib/`, `package.json` and
 * `build/Release/better_sqlite3.node`.
 *
 * It acts only when this package is installed as a dependency (under `node_modules/@gatehouse/sidecar`), never in
 * the repository's workspace, whose better-sqlite3 serves the portal and the tests too. It prunes only an addon
 * that loads and answers a query, removes nothing on its load path, and never fails the install: at worst the
 * leftovers stay. The trade-off: `npm rebuild better-sqlite3` then has no sources to compile (reinstall instead).
 * Plain CommonJS rather than compiled TypeScript: it must run before anything is built.
 */
const fs = require('node:fs');
const path = require('node:path');

const LEFTOVERS = ['deps', 'src', 'build/deps', 'build/Release/obj', 'build/Release/obj.target', 'build/Release/.deps', 'build/Release/test_extension.node', 'build/Release/sqlite3.a'];

function installedAsDependency(dir) {
  const real = fs.realpathSync(dir);
  return path.basename(path.dirname(real)) === '@gatehouse' && path.basename(path.dirname(path.dirname(real))) === 'node_modules';
}

function addonWorks(root) {
  const Database = require(root);
  const db = new Database(':memory:');
  try {
    return db.prepare('select 41 + 1 as answer').get().answer === 42;
  } finally {
    db.close();
  }
}

function main() {
  const here = path.resolve(__dirname, '..');
  if (!installedAsDependency(here)) return;
  const root = path.dirname(require.resolve('better-sqlite3/package.json', { paths: [here] }));
  if (!fs.existsSync(path.join(root, 'build/Release/better_sqlite3.node')) || !addonWorks(root)) return;
  for (const leftover of LEFTOVERS) fs.rmSync(path.join(root, leftover), { recursive: true, force: true });
}

try {
  main();
} catch (error) {
  process.stderr.write(`@gatehouse/sidecar postinstall: ${error instanceof Error ? error.message : String(error)} (nothing was pruned, or only part of it; the sidecar is unaffected)\n`);
}
