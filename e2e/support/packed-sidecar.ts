import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A folder outside the repository with the packed sidecar tarball installed, as an operator's host would have it.
 * CI prepares it once per Node version (GATEHOUSE_PACKED_SIDECAR_DIR, and GATEHOUSE_PACKED_SIDECAR_NODE_BIN for a
 * Node other than the one on PATH); otherwise it is packed and installed here, from the local npm cache, and kept
 * under the temp folder keyed by the tarball's digest so a rerun skips the native build.
 */
export function packedSidecarDir(): string {
  const prepared = process.env.GATEHOUSE_PACKED_SIDECAR_DIR;
  if (prepared) {
    if (!fs.existsSync(path.join(prepared, 'node_modules/.bin/gatehouse-sidecar'))) throw new Error(`${prepared} has no installed gatehouse-sidecar`);
    return prepared;
  }
  const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-pack-'));
  execFileSync('npm', ['pack', '-w', 'sidecar', '--pack-destination', packDir, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = path.join(packDir, fs.readdirSync(packDir).find((name) => name.endsWith('.tgz')) as string);
  const digest = createHash('sha256').update(fs.readFileSync(tarball)).digest('hex').slice(0, 12);
  const dir = path.join(os.tmpdir(), `gatehouse-packed-sidecar-${process.version}-${digest}`);
  if (!fs.existsSync(path.join(dir, 'node_modules/.bin/gatehouse-sidecar'))) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{"private":true}\n');
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  fs.rmSync(packDir, { recursive: true, force: true });
  return dir;
}

/** PATH for commands run "on the operator's host": the chosen Node first, and never the repository's .bin. */
export function operatorPath(): string {
  const entries = (process.env.PATH ?? '').split(path.delimiter).filter((entry) => !entry.includes('node_modules'));
  const nodeBin = process.env.GATEHOUSE_PACKED_SIDECAR_NODE_BIN;
  return [...(nodeBin ? [nodeBin] : []), ...entries].join(path.delimiter);
}
