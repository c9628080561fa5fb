import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './processes';

/**
 * Compiles the sidecar the way its package is built (`npm run build -w sidecar`, the JavaScript that ships) and
 * returns the command that runs it: a cold start is measured on what operators run, not on tsx compiling
 * TypeScript at load time.
 */
export function buildCompiledSidecar(): (args: string[]) => [string, string[]] {
  execFileSync('npm', ['run', 'build', '-w', 'sidecar'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const main = path.join(REPO_ROOT, 'sidecar/dist/main.js');
  return (args) => [process.execPath, [main, ...args]];
}
