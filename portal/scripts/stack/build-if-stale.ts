import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const SKIP = new Set(['node_modules', '.next', 'scripts', 'bench']);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.isFile()) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the portal when there is no build, or when a source file (or the shared contract) is newer than it. */
export function buildIfStale(repoRoot: string): void {
  const buildId = path.join(repoRoot, 'portal/.next/BUILD_ID');
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const sources = Math.max(
    newestMtime(path.join(repoRoot, 'portal')),
    newestMtime(path.join(repoRoot, 'sidecar/src/contract')),
    fs.statSync(path.join(repoRoot, 'package-lock.json')).mtimeMs,
  );
  if (built > sources) return;
  console.log(built ? 'Portal sources changed: rebuilding (about a minute)...' : 'Building the portal (first run, about a minute)...');
  const result = spawnSync(path.join(repoRoot, 'node_modules/.bin/next'), ['build', 'portal'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('next build failed');
}
